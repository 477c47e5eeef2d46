import type { LoadBenchResult } from './run.js';

const ms = (v: number) => (Number.isFinite(v) ? Math.round(v) : null);

/** The result as the one JSON object the last stdout line holds. */
export function toJsonLine(result: LoadBenchResult): string {
  const r = result.reconciliation;
  return JSON.stringify({
    sessions: result.args.sessions,
    replicas: result.args.replicas,
    seconds: result.args.seconds,
    chaos: result.args.chaos,
    database: result.database,
    msgs_per_s: Math.round(result.msgsPerS * 100) / 100,
    p50_ms: ms(result.latency.p50),
    p95_ms: ms(result.latency.p95),
    p99_ms: ms(result.latency.p99),
    max_ms: ms(result.latency.max),
    sent: r.sent,
    acknowledged: r.acknowledged,
    stored: r.stored,
    answered: r.answered,
    answered_seen_by_client: r.answeredSeenByClient,
    duplicated: r.duplicated,
    lost: r.lost,
    errors: result.errorTotal,
    errors_by_code: result.errors,
    unexpected_replies: result.unexpectedReplies,
    reconciliation: r.details,
    chaos_events: result.chaos,
  });
}

/** A readable report followed by the JSON line. */
export function formatLoadReport(result: LoadBenchResult): string {
  const r = result.reconciliation;
  const d = r.details;
  const rows: Array<[string, number, string]> = [
    ['sent', r.sent, 'unique client message ids'],
    ['acknowledged', r.acknowledged, 'ack ok:true'],
    ['stored', r.stored, 'inbound rows with those ids'],
    ['answered', r.answered, 'stored, with ≥ 1 reply row'],
    ['answered (client)', r.answeredSeenByClient, 'a reply reached the client'],
    ['duplicated', r.duplicated, `ids stored twice ${d.duplicateClientIds} + duplicate turns ${d.duplicateTurns} + duplicate deliveries ${d.duplicateDeliveries}`],
    ['lost', r.lost, `acked, not stored ${d.ackedNotStored} + stored, never answered ${d.storedNotAnswered}`],
    ['stored without ack', d.storedWithoutAck, 'ack lost in transit; resend was recognised'],
    ['never stored', d.neverStored, 'client gave up; the customer saw an error'],
    ['ack id ≠ stored id', d.ackIdMismatch, ''],
    ['phantom replies', d.phantomReplies, 'replies received that no row holds'],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = [
    '',
    `Load bench: ${result.args.replicas} replica(s) on ${result.database}, ${result.args.sessions} sessions, ${result.args.seconds} s` +
      `${result.args.chaos ? ', chaos' : ''}`,
    `  throughput  ${result.msgsPerS.toFixed(2)} answered messages/s over the ${result.windowS.toFixed(1)} s send window`,
    `  latency     p50 ${fmt(result.latency.p50)}  p95 ${fmt(result.latency.p95)}  p99 ${fmt(result.latency.p99)}  max ${fmt(result.latency.max)} ms ` +
      `(send → first reply, retries included; ${result.latency.count} answered)`,
    `  errors      ${result.errorTotal === 0 ? 'none' : Object.entries(result.errors).map(([code, n]) => `${code} ${n}`).join(', ')}`,
    `  unexpected replies to scripted steps: ${result.unexpectedReplies}`,
    ...(result.chaos.length > 0
      ? ['  chaos', ...result.chaos.map((e) => `    t=${e.atS}s ${e.name.padEnd(17)} ${e.ok ? `back after ${e.ms} ms` : `FAILED: ${e.error ?? ''}`}`)]
      : []),
    '',
    '  Reconciliation (client bookkeeping against the database)',
    ...rows.map(([name, n, note]) => `    ${name.padEnd(width)}  ${String(n).padStart(7)}  ${note}`),
    '',
    `  cluster output: ${result.clusterLog}`,
    '',
    toJsonLine(result),
  ];
  return `${lines.join('\n')}\n`;
}

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v)) : '–';
}
