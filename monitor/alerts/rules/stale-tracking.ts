import type { Kysely } from 'kysely';
import type { Database, ShipmentStatus } from '../../../store/schema.js';
import type { StaleTrackingConfig } from '../config.js';
import type { AlertRule, CandidateAlert } from '../types.js';
import { isoBefore, isoDay, plural } from './shared.js';

/** An open shipment and when anything last happened to it. */
export interface TrackedShipment {
  shipmentId: number;
  orderId: number;
  carrier: string;
  trackingNumber: string;
  status: ShipmentStatus;
  shippedAt: string;
  /** Newest `order_status_history` time of the order; `null` when it has none. */
  lastHistoryAt: string | null;
}

/** A shipment with no update for `hoursSilent` hours. */
export interface StaleShipment extends TrackedShipment {
  lastUpdateAt: string;
  hoursSilent: number;
}

/**
 * Open shipments in `statuses` with no update since `cutoff` (ISO time).
 *
 * @remarks The shop has no tracking-event table, so "last update" is a proxy: the later of the
 * shipment's `shipped_at` and the newest status-history row of its order (a status change the
 * carrier reported, such as `delayed`, is written there).
 */
export async function readSilentShipments(
  db: Kysely<Database>,
  options: { cutoff: string; statuses: readonly ShipmentStatus[] },
): Promise<TrackedShipment[]> {
  const { cutoff, statuses } = options;
  const rows = await db.selectFrom('shipments')
    .select((eb) => [
      'shipments.id', 'shipments.order_id', 'shipments.carrier', 'shipments.tracking_number', 'shipments.status', 'shipments.shipped_at',
      eb.selectFrom('order_status_history').select((h) => h.fn.max('order_status_history.at').as('at'))
        .whereRef('order_status_history.order_id', '=', 'shipments.order_id').as('last_history_at'),
    ])
    .where('shipments.status', 'in', [...statuses])
    .where('shipments.delivered_at', 'is', null)
    .where('shipments.shipped_at', '<', cutoff)
    .where((eb) => eb.not(eb.exists(
      eb.selectFrom('order_status_history').select('order_status_history.id')
        .whereRef('order_status_history.order_id', '=', 'shipments.order_id')
        .where('order_status_history.at', '>=', cutoff),
    )))
    .orderBy('shipments.shipped_at').orderBy('shipments.id')
    .execute();
  return rows.map((r) => ({
    shipmentId: r.id, orderId: r.order_id, carrier: r.carrier, trackingNumber: r.tracking_number,
    status: r.status, shippedAt: r.shipped_at, lastHistoryAt: r.last_history_at ?? null,
  }));
}

/** Shipments silent since before `now − staleAfterHours`, longest silent first. */
export function staleShipments(shipments: readonly TrackedShipment[], options: { now: Date; staleAfterHours: number }): StaleShipment[] {
  const cutoff = isoBefore(options.now, options.staleAfterHours * 3_600_000);
  return shipments
    .map((s) => {
      const lastUpdateAt = s.lastHistoryAt !== null && s.lastHistoryAt > s.shippedAt ? s.lastHistoryAt : s.shippedAt;
      const hoursSilent = Math.floor((options.now.getTime() - Date.parse(lastUpdateAt)) / 3_600_000);
      return { ...s, lastUpdateAt, hoursSilent };
    })
    .filter((s) => s.lastUpdateAt < cutoff)
    .sort((a, b) => b.hoursSilent - a.hoursSilent || a.shipmentId - b.shipmentId);
}

/** One daily digest of shipments with no tracking update for too long (keyed by the UTC day, like overdue orders). */
export function staleTrackingAlerts(input: { shipments: readonly TrackedShipment[]; now: Date; config: StaleTrackingConfig }): CandidateAlert[] {
  const { config } = input;
  const stale = staleShipments(input.shipments, { now: input.now, staleAfterHours: config.staleAfterHours });
  if (stale.length < config.minShipments) return [];
  const shown = stale.slice(0, config.listed);
  const first = shown[0]!;
  const carriers = [...new Set(stale.map((s) => s.carrier))].sort();
  return [{
    rule: 'stale_tracking',
    key: isoDay(input.now),
    severity: stale.length >= config.criticalShipments ? 'critical' : 'warning',
    title: `${plural(stale.length, 'shipment')} with no tracking update for over ${config.staleAfterHours} h`,
    detail: `${plural(stale.length, 'shipment')} (${carriers.join(', ')}) have had no update for over ${config.staleAfterHours} hours; `
      + `the longest silent is order ${first.orderId} (${first.carrier} ${first.trackingNumber}), ${first.hoursSilent} hours.`,
    data: { count: stale.length, staleAfterHours: config.staleAfterHours, carriers, shipments: shown },
    table: {
      title: 'Longest silent shipments',
      columns: ['Order', 'Carrier', 'Tracking', 'Status', 'Hours silent'],
      rows: shown.map((s) => [String(s.orderId), s.carrier, s.trackingNumber, s.status, String(s.hoursSilent)]),
    },
  }];
}

/** The stale-tracking rule. */
export const staleTrackingRule: AlertRule<StaleTrackingConfig> = {
  name: 'stale_tracking',
  async evaluate({ db, now, config }) {
    const cutoff = isoBefore(now, config.staleAfterHours * 3_600_000);
    const shipments = await readSilentShipments(db, { cutoff, statuses: config.statuses });
    return staleTrackingAlerts({ shipments, now, config });
  },
};
