import { basename } from 'node:path';
import { InvalidInputError } from '../core/errors.js';
import { chunkDocument } from './chunker.js';
import type { KnowledgeBaseConfig } from './config.js';
import { DocumentTooLargeError } from './errors.js';
import { parseDocument } from './parsers/index.js';
import { DocumentInputSchema, type ChunkRecord, type DocumentInput, type DocumentType } from './types.js';

/** A document parsed and chunked, ready to apply; nothing in the index has changed yet. */
export interface PreparedDocument {
  id: string;
  title: string;
  fileName: string;
  type: DocumentType;
  chunks: ChunkRecord[];
}

function byteLength(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
}

/**
 * Validates, parses and chunks one document.
 *
 * @remarks Everything that can reject a document happens here, before any index is touched,
 * so a bad upload leaves the knowledge base exactly as it was.
 * @throws {@link InvalidInputError}, {@link DocumentTooLargeError}, `UnsupportedDocumentTypeError`, `DocumentParseError`.
 */
export function prepareDocument(input: DocumentInput, config: Pick<KnowledgeBaseConfig, 'maxDocumentBytes' | 'maxChunkChars'>): PreparedDocument {
  const parsedInput = DocumentInputSchema.safeParse(input);
  if (!parsedInput.success) {
    const issue = parsedInput.error.issues[0];
    throw new InvalidInputError(`${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}`);
  }
  const doc = parsedInput.data;
  if (byteLength(doc.content) > config.maxDocumentBytes) throw new DocumentTooLargeError(doc.fileName, config.maxDocumentBytes);
  const parsed = parseDocument({ fileName: doc.fileName, content: doc.content });
  const id = doc.id ?? doc.fileName;
  const title = doc.title ?? parsed.title ?? basename(doc.fileName).replace(/\.[^.]+$/, '');
  const type = doc.type ?? (parsed.format === 'faq-csv' || parsed.format === 'faq-json' ? 'faq' : 'article');
  const chunks = chunkDocument({
    docId: id, title, url: doc.url ?? parsed.url, type, category: doc.category ?? parsed.category,
    language: doc.language ?? parsed.language, parsed, maxChars: config.maxChunkChars,
    faqSourceTitle: doc.title ?? parsed.title ? 'document' : 'question',
  });
  return { id, title, fileName: doc.fileName, type, chunks };
}
