import type { Logger } from '../../core/logger.js';
import type { Notice, Notifier } from '../../core/table.js';
import type { Alert, AlertSeverity } from './types.js';

const SEVERITY_LABEL: Readonly<Record<AlertSeverity, string>> = { info: 'Info', warning: 'Warning', critical: 'Critical' };

/** The staff-channel message of an alert: text any channel shows, plus its table where it has one. */
export function alertNotice(alert: Alert): Notice {
  return {
    text: `${SEVERITY_LABEL[alert.severity]}: ${alert.title}\n${alert.detail}`,
    ...(alert.table ? { tables: [alert.table] } : {}),
  };
}

/** Where {@link deliverAlert} sends an alert. */
export interface AlertDelivery {
  notifiers: readonly Notifier[];
  /** The monitor live stream. */
  publish?: (alert: Alert) => void;
  logger: Logger;
  /** A notifier still sending after this long is given up on. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Publishes an alert to the monitor stream, then sends it to every notifier at once; returns the channels it reached.
 *
 * @remarks A channel that throws, times out or has no destination is logged and left out;
 * it never stops the others. `monitor` counts as reached once `publish` returns.
 */
export async function deliverAlert(alert: Alert, delivery: AlertDelivery): Promise<string[]> {
  const { logger } = delivery;
  const reached: string[] = [];
  if (delivery.publish) {
    try {
      delivery.publish({ ...alert, deliveredTo: ['monitor'] });
      reached.push('monitor');
    } catch (error) {
      logger.warn({ err: error, alertId: alert.id, rule: alert.rule }, 'alert not published to the monitor stream');
    }
  }
  const notice = alertNotice(alert);
  const results = await Promise.allSettled(delivery.notifiers.map((n) => notifyWithin(n, notice, delivery)));
  results.forEach((result, i) => {
    const channel = delivery.notifiers[i]!.channel;
    if (result.status === 'rejected') {
      logger.warn({ err: result.reason, channel, alertId: alert.id, rule: alert.rule }, 'alert delivery failed');
    } else if (result.value > 0) {
      reached.push(channel);
    } else {
      logger.debug({ channel, alertId: alert.id }, 'alert channel has no destination');
    }
  });
  return reached;
}

async function notifyWithin(notifier: Notifier, notice: Notice, delivery: AlertDelivery): Promise<number> {
  const timeout = AbortSignal.timeout(delivery.timeoutMs);
  const signal = delivery.signal ? AbortSignal.any([delivery.signal, timeout]) : timeout;
  if (signal.aborted) throw signal.reason;
  let onAbort: (() => void) | undefined;
  // The signal asks the notifier to stop; the race makes sure one that ignores it cannot hang the run.
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([notifier.notify(notice, { signal }), aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}
