import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DocumentParseError } from '../errors.js';
import { stripInlineMarkdown } from './inline.js';
import type { ParsedDocument, Section } from './types.js';

const FrontMatterSchema = z.object({
  title: z.string().optional(),
  url: z.string().optional(),
  category: z.string().optional(),
  language: z.enum(['en', 'zh']).optional(),
}).passthrough();

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function splitFrontMatter(text: string, fileName: string): { body: string; meta: z.infer<typeof FrontMatterSchema> } {
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!match) return { body: text, meta: {} };
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? '');
  } catch {
    throw new DocumentParseError(fileName, 'front matter is not valid YAML');
  }
  const parsed = FrontMatterSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new DocumentParseError(fileName, 'front matter has invalid fields');
  return { body: text.slice(match[0].length), meta: parsed.data };
}

function tableCells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => stripInlineMarkdown(cell));
}

/** Table rows become sentences ("Service: Express; Price: £6.95.") so each row can answer alone. */
function tableRowText(header: readonly string[], cells: readonly string[]): string {
  const parts = cells.map((cell, i) => (header[i] ? `${header[i]}: ${cell}` : cell)).filter((part) => part.trim().length > 0);
  return `${parts.join('; ')}.`;
}

class SectionBuilder {
  readonly sections: Section[] = [];
  title: string | undefined;
  private headings: string[] = [];
  private levels: number[] = [];
  private current: Section = { headings: [], paragraphs: [] };
  private paragraph: string[] = [];

  heading(level: number, text: string): void {
    this.flushSection();
    if (level === 1 && this.title === undefined && this.sections.length === 0) {
      this.title = text;
      this.current = { headings: [], paragraphs: [] };
      return;
    }
    while (this.levels.length > 0 && (this.levels[this.levels.length - 1] ?? 0) >= level) {
      this.levels.pop();
      this.headings.pop();
    }
    this.levels.push(level);
    this.headings.push(text);
    this.current = { headings: [...this.headings], paragraphs: [] };
  }

  line(text: string): void {
    this.paragraph.push(text);
  }

  block(text: string): void {
    this.flushParagraph();
    if (text.trim().length > 0) this.current.paragraphs.push(text.trim());
  }

  flushParagraph(): void {
    const text = stripInlineMarkdown(this.paragraph.join(' '));
    if (text.length > 0) this.current.paragraphs.push(text);
    this.paragraph = [];
  }

  flushSection(): void {
    this.flushParagraph();
    if (this.current.paragraphs.length > 0) this.sections.push(this.current);
    this.current = { headings: [...this.headings], paragraphs: [] };
  }
}

/**
 * Parses Markdown into sections by heading, with front matter (`title`, `url`, `category`,
 * `language`) when present. The first `# heading` is the document title.
 *
 * @remarks A deliberately small reader (headings, paragraphs, lists, tables, code fences):
 * retrieval needs the text and its heading path, not a rendering.
 */
export function parseMarkdown(text: string, fileName: string): ParsedDocument {
  const { body, meta } = splitFrontMatter(text, fileName);
  const builder = new SectionBuilder();
  const lines = body.split('\n');
  let inFence = false;
  let fence: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (/^\s*(```|~~~)/.test(line)) {
      if (inFence) builder.block(fence.join('\n'));
      else builder.flushParagraph();
      inFence = !inFence;
      fence = [];
      continue;
    }
    if (inFence) { fence.push(line); continue; }
    const heading = HEADING.exec(line);
    if (heading) { builder.heading(heading[1]?.length ?? 1, stripInlineMarkdown(heading[2] ?? '')); continue; }
    if (line.trim().startsWith('|') && TABLE_SEPARATOR.test(lines[i + 1] ?? '')) {
      const header = tableCells(line);
      i += 2;
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('|')) {
        builder.block(tableRowText(header, tableCells(lines[i] ?? '')));
        i += 1;
      }
      i -= 1;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) { builder.block(stripInlineMarkdown(item[1] ?? '')); continue; }
    if (line.trim().length === 0) builder.flushParagraph();
    else builder.line(line.trim());
  }
  if (inFence) builder.block(fence.join('\n'));
  builder.flushSection();
  return { title: meta.title ?? builder.title, url: meta.url, category: meta.category, language: meta.language, sections: builder.sections, faq: [] };
}
