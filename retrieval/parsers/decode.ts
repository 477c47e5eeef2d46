import { DocumentParseError } from '../errors.js';

// NUL and other C0 controls (except tab and line breaks) do not occur in text documents.
const BINARY = /[\u0000-\u0008\u000B\u000E-\u001F]/;

/**
 * Decodes an upload as UTF-8 text, refusing invalid UTF-8 and binary data.
 *
 * @throws {@link DocumentParseError} when the bytes are not text.
 */
export function decodeText(content: string | Uint8Array, fileName: string): string {
  let text: string;
  if (typeof content === 'string') text = content;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      throw new DocumentParseError(fileName, 'not valid UTF-8 text');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (BINARY.test(text)) throw new DocumentParseError(fileName, 'contains binary data');
  return text.replace(/\r\n?/g, '\n');
}
