import { createHash } from 'node:crypto';
import type { FaqEntry, ParsedDocument, Section } from './parsers/index.js';
import { splitSentences } from './sentences.js';
import { detectLanguage } from './tokenizer.js';
import type { ChunkLanguage, ChunkRecord, DocumentType } from './types.js';

/** What the chunker needs to know about the document beside its parsed content. */
export interface ChunkDocumentOptions {
  docId: string;
  title: string;
  url?: string;
  type: DocumentType;
  category?: string;
  language?: ChunkLanguage;
  parsed: ParsedDocument;
  /** Longest chunk in characters before a section is split. @defaultValue 1200 */
  maxChars?: number;
  /**
   * What FAQ entries cite: the document title, or (for files without a title, such as a CSV
   * export) the entry's own question. @defaultValue 'document'
   */
  faqSourceTitle?: 'document' | 'question';
}

function sha(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Stable chunk id: the same document, heading path and ordinal always give the same id. */
export function chunkId(options: { docId: string; titlePath: readonly string[]; ordinal: number }): string {
  return sha(`${options.docId}\u0000${options.titlePath.join('\u001f')}\u0000${options.ordinal}`, 24);
}

/**
 * The texts embedded for a chunk, each its own vector.
 *
 * @remarks FAQ entries embed the question and every example phrasing separately (a user's
 * question is closest to another phrasing of the same question), plus question and answer
 * together. Articles and products embed their own heading alone (headings are often the
 * question itself) and the heading path with the text.
 */
export function embedTexts(record: Pick<ChunkRecord, 'type' | 'titlePath' | 'text' | 'questions'>): string[] {
  const questions = record.questions ?? [];
  if (questions.length > 0) return [...questions, `${questions[0]} ${record.text}`];
  const path = record.titlePath.join(' › ');
  const heading = record.titlePath[record.titlePath.length - 1] ?? '';
  return [heading, `${path}\n${record.text}`];
}

/** The text the keyword index sees: heading path, questions and the passage. */
export function keywordText(record: Pick<ChunkRecord, 'titlePath' | 'text' | 'questions'>): string {
  return [...record.titlePath, ...(record.questions ?? []), record.text].join('\n');
}

function splitLong(paragraphs: readonly string[], maxChars: number): string[] {
  const pieces: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.length <= maxChars) pieces.push(paragraph);
    else pieces.push(...splitSentences(paragraph));
  }
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current.length > 0 && current.length + piece.length + 1 > maxChars) {
      chunks.push(current);
      current = '';
    }
    current = current.length === 0 ? piece : `${current}\n${piece}`;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function finish(draft: Omit<ChunkRecord, 'hash' | 'vectorIds'>): ChunkRecord {
  const texts = embedTexts(draft);
  const id = draft.id;
  return { ...draft, hash: sha(JSON.stringify(texts), 24), vectorIds: texts.map((_, i) => `${id}#${i}`) };
}

type NextOrdinal = (titlePath: readonly string[]) => number;

function sectionChunks(options: ChunkDocumentOptions, section: Section, nextOrdinal: NextOrdinal): ChunkRecord[] {
  const titlePath = [options.title, ...section.headings];
  return splitLong(section.paragraphs, options.maxChars ?? 1200).map((text) => finish({
    id: chunkId({ docId: options.docId, titlePath, ordinal: nextOrdinal(titlePath) }), docId: options.docId, titlePath, text,
    source: sourceOf(options), language: options.language ?? detectLanguage(`${titlePath.join(' ')} ${text}`),
    type: options.type, category: options.category,
  }));
}

function faqChunk(options: ChunkDocumentOptions, entry: FaqEntry, ordinal: number): ChunkRecord {
  const titlePath = [options.title, entry.question];
  const questions = [entry.question, ...entry.examples.filter((e) => e !== entry.question)];
  return finish({
    id: chunkId({ docId: options.docId, titlePath, ordinal }), docId: options.docId, titlePath, text: entry.answer, questions,
    source: { title: options.faqSourceTitle === 'question' ? entry.question : options.title, ...(entry.url ?? options.url ? { url: entry.url ?? options.url } : {}) },
    language: options.language ?? detectLanguage(`${entry.question} ${entry.answer}`),
    type: options.type, category: entry.category ?? options.category,
  });
}

function sourceOf(options: ChunkDocumentOptions): ChunkRecord['source'] {
  return options.url === undefined ? { title: options.title } : { title: options.title, url: options.url };
}

/**
 * Cuts a parsed document into chunks: one per section (long sections split at paragraph,
 * then sentence, boundaries) and one per FAQ entry.
 */
export function chunkDocument(options: ChunkDocumentOptions): ChunkRecord[] {
  // Ordinals count per heading path, so a repeated heading (or an FAQ question with several
  // answers) still gets distinct, stable ids.
  const seen = new Map<string, number>();
  const nextOrdinal: NextOrdinal = (titlePath) => {
    const key = titlePath.join('\u001f');
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    return ordinal;
  };
  const chunks = options.parsed.sections.flatMap((section) => sectionChunks(options, section, nextOrdinal));
  for (const entry of options.parsed.faq) chunks.push(faqChunk(options, entry, nextOrdinal([options.title, entry.question])));
  return chunks;
}
