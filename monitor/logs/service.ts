import type { Kysely } from 'kysely';
import { NotFoundError } from '../../core/errors.js';
import { systemClock, type Clock } from '../../core/tools.js';
import { parseInput } from '../../core/validation.js';
import { findStaffUser } from '../../store/staff.js';
import type { Database } from '../../store/schema.js';
import { monitorViewer, type MonitorViewer } from './access.js';
import { exportMessages, type ExportFormat } from './export.js';
import { LogFilterSchema, LogQuerySchema, type LogResultPage } from './filter.js';
import { redact } from './redact.js';
import type { LogConversation, LogMessage, Redaction } from './rows.js';
import { searchConversations, searchMessages } from './search.js';

/** @defaultValue redactOrderNumbers false, clock the system clock */
export interface MonitorServiceOptions {
  db: Kysely<Database>;
  /** Hide order numbers too, where the shop treats them as personal data. */
  redactOrderNumbers?: boolean;
  clock?: Clock;
}

/**
 * The logs API behind the monitor's REST endpoints and live stream: who may read, the
 * searches and the exports, with personal data redacted unless the viewer is raw.
 *
 * @remarks Queries arrive as they came from the client (query-string text) and are parsed
 * here with {@link LogQuerySchema} / {@link LogFilterSchema}, so every edge validates the same
 * way. Exports and raw reads are written to `audit_log`.
 *
 * @example
 * const logs = new MonitorService({ db, redactOrderNumbers: true });
 * const viewer = await logs.authorize({ staffId: 7, raw: false });
 * const page = await logs.searchMessages({ query: { sentiment: 'negative' }, viewer });
 */
export class MonitorService {
  private readonly clock: Clock;

  constructor(private readonly options: MonitorServiceOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** The staff user's view of the logs; throws `ForbiddenError` for other roles, or raw without admin. */
  async authorize(request: { staffId: number; raw?: boolean }): Promise<MonitorViewer> {
    const staff = await findStaffUser(this.options.db, request.staffId);
    return monitorViewer(staff, { raw: request.raw ?? false });
  }

  async searchMessages(request: { query: unknown; viewer: MonitorViewer }): Promise<LogResultPage<LogMessage>> {
    const { cursor, limit, order, ...filter } = parseInput(LogQuerySchema, request.query, 'query');
    await this.auditRaw(request.viewer, 'monitor_search_messages', filter);
    return searchMessages(this.options.db, { filter, page: { cursor, limit, order }, redaction: this.redaction(request.viewer) });
  }

  async searchConversations(request: { query: unknown; viewer: MonitorViewer }): Promise<LogResultPage<LogConversation>> {
    const { cursor, limit, order, ...filter } = parseInput(LogQuerySchema, request.query, 'query');
    return searchConversations(this.options.db, { filter, page: { cursor, limit, order } });
  }

  /** One conversation's messages, oldest first unless `order=desc`; throws `NotFoundError` for an unknown id. */
  async conversationMessages(request: { conversationId: string; query: unknown; viewer: MonitorViewer }): Promise<LogResultPage<LogMessage>> {
    const found = await this.options.db.selectFrom('conversations').select('id').where('id', '=', request.conversationId).executeTakeFirst();
    if (!found) throw new NotFoundError('conversation');
    const given = typeof request.query === 'object' && request.query !== null ? request.query : {};
    const query = { order: 'asc', ...given, conversationId: request.conversationId };
    return this.searchMessages({ query, viewer: request.viewer });
  }

  /** Validates and audits the export, then returns its chunks (read lazily, batch by batch). */
  async exportMessages(request: { query: unknown; format: ExportFormat; viewer: MonitorViewer; signal?: AbortSignal }): Promise<AsyncIterable<string>> {
    const filter = parseInput(LogFilterSchema, request.query, 'query');
    await this.audit(request.viewer, 'monitor_export_messages', { format: request.format, filter });
    return exportMessages(this.options.db, { filter, format: request.format, redaction: this.redaction(request.viewer), signal: request.signal });
  }

  /** Text as a viewer without raw access sees it. */
  redactText(text: string): string {
    return redact(text, { orderNumbers: this.options.redactOrderNumbers ?? false });
  }

  private redaction(viewer: MonitorViewer): Redaction {
    return viewer.raw ? { raw: true } : { raw: false, orderNumbers: this.options.redactOrderNumbers ?? false };
  }

  private async auditRaw(viewer: MonitorViewer, tool: string, args: object): Promise<void> {
    if (viewer.raw) await this.audit(viewer, tool, args);
  }

  private async audit(viewer: MonitorViewer, tool: string, args: object): Promise<void> {
    await this.options.db.insertInto('audit_log').values({
      at: this.clock.now().toISOString(), actor_type: 'staff', actor_id: String(viewer.staffId), conversation_id: null, tool,
      arguments: JSON.stringify({ ...args, raw: viewer.raw }), result: '{}', outcome: 'ok',
    }).execute();
  }
}
