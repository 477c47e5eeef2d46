import type { StaffRole } from '../../core/staff.js';

/**
 * What the monitor's REST endpoints and live stream need from the logs API. The monitor
 * module's `MonitorService` satisfies it; adapters may not import `monitor/`, so the shape is
 * declared here and checked structurally where the server wires the two together.
 */
export interface MonitorLogs {
  /** Throws `ForbiddenError` unless the staff user may read logs (and, with `raw`, unredacted). */
  authorize(request: { staffId: number; raw?: boolean }): Promise<MonitorViewer>;
  /** `query` is the request's query string as parsed by express; the logs API validates it. */
  searchMessages(request: { query: unknown; viewer: MonitorViewer }): Promise<ResultPage>;
  searchConversations(request: { query: unknown; viewer: MonitorViewer }): Promise<ResultPage>;
  conversationMessages(request: { conversationId: string; query: unknown; viewer: MonitorViewer }): Promise<ResultPage>;
  exportMessages(request: { query: unknown; format: 'ndjson' | 'csv'; viewer: MonitorViewer; signal?: AbortSignal }): Promise<AsyncIterable<string>>;
  /** Text as a viewer without raw access sees it. */
  redactText(text: string): string;
}

/** A staff user allowed to read logs, and whether they see personal data. */
export interface MonitorViewer {
  staffId: number;
  role: StaffRole;
  raw: boolean;
}

export interface ResultPage {
  items: unknown[];
  nextCursor: string | null;
}
