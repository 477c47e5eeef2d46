export type { MonitorLogs, MonitorViewer, ResultPage } from './monitor-logs.js';
export { createMonitorRouter, type MonitorRouterOptions } from './rest.js';
export { attachMonitor, liveMessages, monitorPublishers, type LiveAlert, type LiveMessage, type MonitorSocketOptions, type MonitorStream, type SentimentUpdate } from './socket.js';
