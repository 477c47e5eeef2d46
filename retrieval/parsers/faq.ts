import { z } from 'zod';
import { DocumentParseError } from '../errors.js';
import { parseCsv } from './csv.js';
import type { FaqEntry, ParsedDocument } from './types.js';

const EntrySchema = z.object({
  question: z.string().trim().min(1),
  answer: z.string().trim().min(1),
  examples: z.array(z.string().trim().min(1)).default([]),
  url: z.string().optional(),
  category: z.string().optional(),
});

/** An FAQ JSON file: a bare array of entries, or an object with `entries` and shared fields. */
export const FaqJsonSchema = z.union([
  z.array(EntrySchema).min(1),
  z.object({
    title: z.string().optional(),
    url: z.string().optional(),
    category: z.string().optional(),
    language: z.enum(['en', 'zh']).optional(),
    entries: z.array(EntrySchema).min(1),
  }),
]);

/**
 * Parses an FAQ in JSON (see {@link FaqJsonSchema}): each entry has `question`, `answer` and
 * optionally `examples` (extra phrasings), `url` and `category`.
 *
 * @throws {@link DocumentParseError} for invalid JSON or entries that do not match the schema.
 */
export function parseFaqJson(text: string, fileName: string): ParsedDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DocumentParseError(fileName, 'not valid JSON');
  }
  const parsed = FaqJsonSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DocumentParseError(fileName, `not an FAQ file (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`);
  }
  const data = parsed.data;
  if (Array.isArray(data)) return { sections: [], faq: data };
  return { title: data.title, url: data.url, category: data.category, language: data.language, sections: [], faq: data.entries };
}

const COLUMN_ALIASES: Readonly<Record<string, keyof FaqEntry>> = {
  question: 'question', q: 'question', answer: 'answer', a: 'answer',
  examples: 'examples', 'example questions': 'examples', alternatives: 'examples', url: 'url', link: 'url', category: 'category',
};

/**
 * Parses an FAQ in CSV with a header row naming at least `question` and `answer`; optional
 * `examples` (extra phrasings separated by `|`), `url` and `category` columns.
 *
 * @throws {@link DocumentParseError} for malformed CSV, missing columns or empty entries.
 */
export function parseFaqCsv(text: string, fileName: string): ParsedDocument {
  const result = parseCsv(text);
  if ('error' in result) throw new DocumentParseError(fileName, result.error);
  const [header, ...rows] = result.rows;
  const columns = (header ?? []).map((name) => COLUMN_ALIASES[name.trim().toLowerCase()]);
  if (!columns.includes('question') || !columns.includes('answer')) {
    throw new DocumentParseError(fileName, 'the header row must name a "question" and an "answer" column');
  }
  const faq = rows.map((cells, line) => {
    if (cells.length !== columns.length) throw new DocumentParseError(fileName, `row ${line + 2} has ${cells.length} fields, the header ${columns.length}`);
    const entry: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const cell = (cells[i] ?? '').trim();
      if (column === 'examples') entry.examples = cell.split('|').map((s) => s.trim()).filter((s) => s.length > 0);
      else if (column !== undefined && cell.length > 0) entry[column] = cell;
    });
    const parsed = EntrySchema.safeParse(entry);
    if (!parsed.success) throw new DocumentParseError(fileName, `row ${line + 2} needs a question and an answer`);
    return parsed.data;
  });
  if (faq.length === 0) throw new DocumentParseError(fileName, 'no entries');
  return { sections: [], faq };
}
