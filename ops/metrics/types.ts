/** One process metric: its value, what it means, and the counts it was computed from. */
export interface Metric<C extends Record<string, number> = Record<string, number>> {
  /** `null` when the denominator is zero. */
  value: number | null;
  /** What `value` measures, including any proxy the schema forces. */
  definition: string;
  counts: C;
}

/** Order cycle time: the median is `value`, in hours. */
export interface CycleTimeMetric extends Metric<{ deliveredOrders: number }> {
  medianHours: number | null;
  p90Hours: number | null;
  medianDays: number | null;
  p90Days: number | null;
}

/** The facts about one order that the order-based metrics need. */
export interface OrderFacts {
  orderId: number;
  placedAt: string;
  /** Units ordered over all lines. */
  units: number;
  /** Whether a shipment exists (the order left the warehouse). */
  shipped: boolean;
  /** Latest delivery time over its shipments, when all are delivered; else null. */
  deliveredAt: string | null;
  /** Earliest promised delivery date, `YYYY-MM-DD`; null without a shipment. */
  promisedDate: string | null;
  /** Who cancelled it: the customer, the shop (staff or system), or nobody. */
  cancelledBy: 'customer' | 'shop' | null;
  /** Units on returns that were not rejected. */
  returnedUnits: number;
}

/** Every metric of {@link processMetrics}, for orders placed in [from, to). */
export interface ProcessMetrics {
  from: string;
  to: string;
  cycleTime: CycleTimeMetric;
  onTimeDelivery: Metric<{ delivered: number; onTime: number }>;
  fillRate: Metric<{ unitsOrdered: number; unitsShipped: number; ordersDecided: number; ordersShipped: number }>;
  stockOutRate: Metric<{ skuWarehouses: number; stockedOut: number }>;
  inventoryTurnover: Metric<{ unitsSold: number; unitsOnHand: number; days: number }> & { annualised: number | null };
  returnRate: Metric<{ deliveredOrders: number; returnedOrders: number; deliveredUnits: number; returnedUnits: number }> & { unitRate: number | null };
}
