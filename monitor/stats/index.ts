/**
 * Statistics for the monitor dashboard: sentiment over time, volume by intent and channel,
 * containment and hand-off rates, top unanswered questions and recent alerts; and the demo
 * history that gives a fresh demo something to show.
 */
export { containment, type Containment } from './containment.js';
export { DashboardService, type DashboardServiceOptions } from './dashboard-service.js';
export { insertDemoHistory, type DemoHistoryOptions, type DemoHistorySummary } from './demo-history.js';
export { DEFAULT_PERIOD_DAYS, MAX_PERIOD_DAYS, StatsPeriodSchema, resolvePeriod, type StatsPeriod, type StatsPeriodInput } from './period.js';
export { recentAlerts, type DashboardAlert } from './recent-alerts.js';
export { sentimentSeries, sentimentTotals, type SentimentPoint, type SentimentTotals } from './sentiment-series.js';
export { dashboardSummary, type DashboardSummary, type SummaryRedaction } from './summary.js';
export { UNANSWERED_BELOW_CONFIDENCE, normaliseQuestion, topUnanswered, type UnansweredQuestion } from './unanswered.js';
export { messageVolume, type Volume, type VolumeRow } from './volume.js';
