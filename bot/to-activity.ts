import { RoleSchema, type Activity, type Channel } from '../core/activity.js';
import type { Message, NewMessage } from '../store/index.js';

/** A stored message as the channel-neutral Activity. */
export function toActivity(row: Message | NewMessage): Activity {
  const payload = row.payload ? (JSON.parse(row.payload) as Pick<Activity, 'quickReplies' | 'sources' | 'tables'>) : {};
  return {
    id: row.activity_id,
    type: 'message',
    channel: row.channel as Channel,
    conversationId: row.conversation_id,
    from: { id: row.user_id, role: RoleSchema.catch('customer').parse(row.role) },
    text: row.text,
    timestamp: row.created_at,
    ...(row.client_message_id ? { clientMessageId: row.client_message_id } : {}),
    ...(row.reply_to_id ? { replyToId: row.reply_to_id } : {}),
    ...(payload.quickReplies?.length ? { quickReplies: payload.quickReplies } : {}),
    ...(payload.sources?.length ? { sources: payload.sources } : {}),
    ...(payload.tables?.length ? { tables: payload.tables } : {}),
  };
}
