/**
 * Readers for the document formats the knowledge base ingests.
 *
 * @remarks Each reader turns one file into sections (prose under a heading path) or FAQ
 * entries; chunking and ids are decided afterwards, the same way for every format.
 */
import { DocumentParseError, UnsupportedDocumentTypeError } from '../errors.js';
import type { DocumentFormat } from '../types.js';
import { decodeText } from './decode.js';
import { parseFaqCsv, parseFaqJson } from './faq.js';
import { parseHtml } from './html.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './text.js';
import type { ParsedDocument } from './types.js';

export type { FaqEntry, ParsedDocument, Section } from './types.js';
export { FaqJsonSchema } from './faq.js';
export { parseCsv } from './csv.js';

const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html', txt: 'text', text: 'text', csv: 'faq-csv', json: 'faq-json',
};

/** The format a file name's extension names, or undefined when it is not one we read. */
export function formatOfFileName(fileName: string): DocumentFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : FORMAT_BY_EXTENSION[extension];
}

/**
 * Reads a document of any supported format.
 *
 * @throws {@link UnsupportedDocumentTypeError} for an unknown extension,
 * {@link DocumentParseError} for content that is not valid for its format or has no text.
 */
export function parseDocument(options: { fileName: string; content: string | Uint8Array }): ParsedDocument & { format: DocumentFormat } {
  const { fileName } = options;
  const format = formatOfFileName(fileName);
  if (format === undefined) throw new UnsupportedDocumentTypeError(fileName);
  const text = decodeText(options.content, fileName);
  let parsed: ParsedDocument;
  switch (format) {
    case 'markdown': parsed = parseMarkdown(text, fileName); break;
    case 'html': parsed = parseHtml(text, fileName); break;
    case 'text': parsed = parsePlainText(text); break;
    case 'faq-csv': parsed = parseFaqCsv(text, fileName); break;
    case 'faq-json': parsed = parseFaqJson(text, fileName); break;
  }
  if (parsed.sections.length === 0 && parsed.faq.length === 0) throw new DocumentParseError(fileName, 'no text found');
  return { ...parsed, format };
}
