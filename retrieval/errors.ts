import { CounterpartError, InvalidInputError, PayloadTooLargeError } from '../core/errors.js';

/**
 * A document's type is not one the knowledge base can ingest.
 *
 * @remarks The caller should send Markdown, HTML, plain text or an FAQ file (CSV or JSON);
 * retrying the same file will not help. Maps to HTTP 415.
 */
export class UnsupportedDocumentTypeError extends CounterpartError {
  constructor(fileName: string, details?: Record<string, unknown>) {
    super({
      code: 'unsupported_media_type',
      message: `"${fileName}" is not a supported document type (use .md, .html, .txt, .csv or .json)`,
      details: { fileName, ...details },
    });
  }
}

/**
 * A document could not be parsed (invalid UTF-8, malformed CSV or JSON, no text at all).
 *
 * @remarks The knowledge base is left as it was; fix the file and upload it again. Maps to HTTP 400.
 */
export class DocumentParseError extends InvalidInputError {
  constructor(fileName: string, reason: string) {
    super(`could not read "${fileName}": ${reason}`, { fileName, reason });
  }
}

/** A document is larger than the configured limit. Maps to HTTP 413. */
export class DocumentTooLargeError extends PayloadTooLargeError {
  constructor(fileName: string, maxBytes: number) {
    super(`"${fileName}" is larger than ${maxBytes} bytes`, { fileName, maxBytes });
  }
}

/**
 * A persisted index does not fit the encoder or configuration it is opened with
 * (other encoder id or dimension, unreadable manifest).
 *
 * @remarks Not retryable as is: run a reindex with the current encoder, or point the
 * knowledge base at the folder that was built with it.
 */
export class IndexMismatchError extends CounterpartError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ code: 'kb_index_mismatch', message, userMessage: 'Something went wrong on our side. Please try again later.', details });
  }
}
