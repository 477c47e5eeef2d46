/**
 * The logs API: search messages and conversations with keyset pages, export them as NDJSON or
 * CSV in flat memory, and redact personal data for viewers without raw access.
 */
export { MONITOR_RAW_ROLES, MONITOR_READ_ROLES, monitorViewer, type MonitorViewer } from './access.js';
export { decodeCursor, encodeCursor, type Keyset } from './cursor.js';
export { csvField, csvRecord, parseCsv } from './csv.js';
export { CSV_COLUMNS, exportMessages, type ExportFormat, type ExportOptions } from './export.js';
export {
  LogFilterSchema, LogPageSchema, LogQuerySchema, SENTIMENT_BANDS, SentimentBandSchema, sentimentBand,
  type LogFilter, type LogFilterInput, type LogPage, type LogPageInput, type LogResultPage, type SentimentBand,
} from './filter.js';
export { REDACTION_TAGS, redact, redactEntity, type RedactOptions } from './redact.js';
export type { LogConversation, LogMessage, Redaction } from './rows.js';
export { searchConversations, searchMessages } from './search.js';
export { MonitorService, type MonitorServiceOptions } from './service.js';
