/**
 * Alerts: rules over the shop's data (negative-sentiment spikes, overdue orders, low stock,
 * silent shipments, cancellation rate) that a job or an event runs; each alert is stored,
 * deduplicated within its rule's cool-down, and delivered to the monitor stream and staff channels.
 */
export { coveredByRecentAlert, insertAlert, listAlerts, markDelivered } from './alert-store.js';
export {
  AlertsConfigSchema, alertSchedules, CancellationRateConfigSchema, LowStockConfigSchema, NegativeSentimentConfigSchema,
  OverdueOrdersConfigSchema, parseAlertsConfig, StaleTrackingConfigSchema,
  type AlertSchedule, type AlertsConfig, type AlertsConfigInput, type CancellationRateConfig, type LowStockConfig,
  type NegativeSentimentConfig, type OverdueOrdersConfig, type StaleTrackingConfig,
} from './config.js';
export { alertNotice, deliverAlert, type AlertDelivery } from './delivery.js';
export { AlertEngine, type AlertEngineOptions, type RuleRun } from './engine.js';
export * from './rules/index.js';
export { ALERT_RULES, isAlertRuleName, SEVERITY_RANK, type Alert, type AlertRule, type AlertRuleName, type AlertSeverity, type CandidateAlert, type RuleContext } from './types.js';
