/** What one client knows about one message it sent. */
export interface ClientMessage {
  clientMessageId: string;
  /** An `ok: true` acknowledgement arrived. */
  acked: boolean;
  /** The inbound activity id the acknowledgement (or the session history) named. */
  activityId?: string;
}

/** A reply as a client received it. */
export interface ClientReply {
  id: string;
  replyToId: string;
  /** The activity's `timestamp`: the replies of one turn share it. */
  timestamp: string;
}

/** An inbound row of the bench's conversations. */
export interface InboundRow {
  activityId: string;
  clientMessageId: string | null;
}

/** An outbound row of the bench's conversations that answers an inbound one. */
export interface OutboundRow {
  activityId: string;
  replyToId: string;
  createdAt: string;
}

/** The reconciliation table: what was sent against what the database holds and the clients saw. */
export interface Reconciliation {
  /** Unique client message ids sent at least once. */
  sent: number;
  /** Of those, acknowledged with `ok: true`. */
  acknowledged: number;
  /** Of those, stored as an inbound row. */
  stored: number;
  /** Stored, with at least one reply row. */
  answered: number;
  /** Sent messages the clients saw a reply to. */
  answeredSeenByClient: number;
  duplicated: number;
  lost: number;
  details: {
    /** Client ids stored in more than one inbound row. */
    duplicateClientIds: number;
    /** Inbound rows answered by more than one turn's worth of replies (different created_at). */
    duplicateTurns: number;
    /** Messages whose client got replies from more than one turn, or replies the database does not hold beside ones it does. */
    duplicateDeliveries: number;
    /** Acknowledged, but no inbound row holds the client id. */
    ackedNotStored: number;
    /** Stored, but no reply row answers it. */
    storedNotAnswered: number;
    /** Stored though no acknowledgement arrived (the ack was lost; not an error). */
    storedWithoutAck: number;
    /** Neither acknowledged nor stored: the client gave up, and the customer saw an error. */
    neverStored: number;
    /** Acknowledged with an activity id other than the stored one. */
    ackIdMismatch: number;
    /** Replies a client received that no row holds. */
    phantomReplies: number;
  };
}

function group<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item); else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Compares the clients' bookkeeping with the rows of the bench's conversations.
 *
 * @remarks `duplicated` adds duplicate client ids, duplicate turns and duplicate deliveries;
 * `lost` adds messages acknowledged but not stored and messages stored but never answered.
 * A message retried under the same client id counts once in `sent`.
 */
export function reconcile(input: {
  messages: readonly ClientMessage[]; replies: readonly ClientReply[]; inbound: readonly InboundRow[]; outbound: readonly OutboundRow[];
}): Reconciliation {
  const messages = new Map<string, ClientMessage>();
  for (const m of input.messages) {
    const seen = messages.get(m.clientMessageId);
    // The same id may be listed per attempt: an ack on any attempt counts.
    messages.set(m.clientMessageId, seen ? { ...seen, acked: seen.acked || m.acked, activityId: seen.activityId ?? m.activityId } : m);
  }
  const storedById = group(input.inbound.filter((r) => r.clientMessageId !== null && messages.has(r.clientMessageId)), (r) => r.clientMessageId as string);
  const repliesByInbound = group(input.outbound, (r) => r.replyToId);
  const storedReplyIds = new Set(input.outbound.map((r) => r.activityId));
  const clientRepliesByInbound = group(new Map(input.replies.map((r) => [r.id, r])).values(), (r) => r.replyToId);

  const details: Reconciliation['details'] = {
    duplicateClientIds: 0, duplicateTurns: 0, duplicateDeliveries: 0, ackedNotStored: 0, storedNotAnswered: 0,
    storedWithoutAck: 0, neverStored: 0, ackIdMismatch: 0, phantomReplies: 0,
  };
  let acknowledged = 0;
  let stored = 0;
  let answered = 0;
  let answeredSeenByClient = 0;
  for (const message of messages.values()) {
    const rows = storedById.get(message.clientMessageId) ?? [];
    if (message.acked) acknowledged += 1;
    if (rows.length > 1) details.duplicateClientIds += 1;
    if (rows.length === 0) {
      if (message.acked) details.ackedNotStored += 1; else details.neverStored += 1;
    } else {
      stored += 1;
      if (!message.acked) details.storedWithoutAck += 1;
      if (message.activityId !== undefined && !rows.some((r) => r.activityId === message.activityId)) details.ackIdMismatch += 1;
      const replyRows = rows.flatMap((r) => repliesByInbound.get(r.activityId) ?? []);
      if (replyRows.length > 0) answered += 1; else details.storedNotAnswered += 1;
      if (rows.some((r) => new Set((repliesByInbound.get(r.activityId) ?? []).map((o) => o.createdAt)).size > 1)) details.duplicateTurns += 1;
    }
    const inboundIds = new Set([...rows.map((r) => r.activityId), ...(message.activityId ? [message.activityId] : [])]);
    const received = [...inboundIds].flatMap((id) => clientRepliesByInbound.get(id) ?? []);
    if (received.length === 0) continue;
    answeredSeenByClient += 1;
    const phantom = received.filter((r) => !storedReplyIds.has(r.id)).length;
    details.phantomReplies += phantom;
    const turns = new Set(received.map((r) => r.timestamp)).size;
    if (turns > 1 || (phantom > 0 && phantom < received.length)) details.duplicateDeliveries += 1;
  }
  return {
    sent: messages.size,
    acknowledged,
    stored,
    answered,
    answeredSeenByClient,
    duplicated: details.duplicateClientIds + details.duplicateTurns + details.duplicateDeliveries,
    lost: details.ackedNotStored + details.storedNotAnswered,
    details,
  };
}
