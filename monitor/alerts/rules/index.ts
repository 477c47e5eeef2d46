export { cancellationRateAlerts, cancellationRateRule, readCancellationCounts, readCancellations, type CancellationData } from './cancellation-rate.js';
export { lowStockAlerts, lowStockRule, type LowStockLine, type LowStockSource } from './low-stock.js';
export { negativeSentimentAlerts, negativeSentimentRule, readNegativeSentiment, readSentimentCounts, type NegativeSentimentData } from './negative-sentiment.js';
export { overdueOrders, overdueOrdersAlerts, overdueOrdersRule, readOverdueShipments, type OverdueOrder, type OverdueShipment } from './overdue-orders.js';
export { rateAgainstBaseline, type RateCheck, type ShareCounts } from './shared.js';
export { readSilentShipments, staleShipments, staleTrackingAlerts, staleTrackingRule, type StaleShipment, type TrackedShipment } from './stale-tracking.js';
