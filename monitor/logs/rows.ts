import type { Database } from '../../store/schema.js';
import { redact, redactEntity, type RedactOptions } from './redact.js';

/** The message columns logs read; `payload` and client ids stay out. */
export const MESSAGE_COLUMNS = [
  'messages.id', 'messages.activity_id', 'messages.conversation_id', 'messages.created_at', 'messages.direction',
  'messages.channel', 'messages.user_id', 'messages.role', 'messages.intent', 'messages.confidence',
  'messages.sentiment', 'messages.text', 'messages.entities',
] as const;

type MessageRow = Pick<Database['messages'], 'activity_id' | 'conversation_id' | 'created_at' | 'direction' | 'channel' | 'user_id'
  | 'role' | 'intent' | 'confidence' | 'sentiment' | 'text' | 'entities'> & { id: number };

/** One message as monitors see it. */
export interface LogMessage {
  id: number;
  activityId: string;
  conversationId: string;
  createdAt: string;
  direction: 'in' | 'out';
  channel: string;
  userId: string;
  role: string;
  intent: string | null;
  confidence: number | null;
  /** `null` until the message has been scored. */
  sentiment: number | null;
  text: string;
  /** The NLU's entities (`type`, `value`, `text`, ...). */
  entities: unknown[];
}

/** One conversation as monitors see it; its dialogue state stays out. */
export interface LogConversation {
  id: string;
  channel: string;
  customerId: number | null;
  staffUserId: number | null;
  createdAt: string;
  updatedAt: string;
  messageCount: number;
  /** Status of the latest hand-off, `null` when it never had one. */
  handoff: string | null;
  /** The customer's sentiment over the conversation: average and latest score, and their difference. */
  sentiment: { scored: number; average: number | null; latest: number | null; trend: number | null };
}

/** How a row leaves: redacted with these options, or `raw`. */
export type Redaction = { raw: true } | ({ raw: false } & RedactOptions);

function parseEntities(json: string | null): unknown[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function redactUnknownEntity(entity: unknown, options: RedactOptions): unknown {
  if (typeof entity === 'string') return redact(entity, options);
  if (entity === null || typeof entity !== 'object' || Array.isArray(entity)) return entity;
  const record = entity as Record<string, unknown>;
  const hidden = redactEntity({ type: String(record.type ?? ''), value: String(record.value ?? ''), text: String(record.text ?? '') }, options);
  return { ...record, ...('value' in record ? { value: hidden.value } : {}), ...('text' in record ? { text: hidden.text } : {}) };
}

/** A stored message row as a {@link LogMessage}, redacted unless `raw`. */
export function toLogMessage(row: MessageRow, redaction: Redaction): LogMessage {
  const entities = parseEntities(row.entities);
  return {
    id: Number(row.id),
    activityId: row.activity_id,
    conversationId: row.conversation_id,
    createdAt: row.created_at,
    direction: row.direction,
    channel: row.channel,
    userId: row.user_id,
    role: row.role,
    intent: row.intent,
    confidence: row.confidence === null ? null : Number(row.confidence),
    sentiment: row.sentiment === null ? null : Number(row.sentiment),
    text: redaction.raw ? row.text : redact(row.text, redaction),
    entities: redaction.raw ? entities : entities.map((e) => redactUnknownEntity(e, redaction)),
  };
}
