export type { DashboardStats, DashboardViewer } from './dashboard-stats.js';
export { createDashboardRouter, type DashboardRouterOptions } from './router.js';
