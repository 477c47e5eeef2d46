/**
 * Monitoring of conversations: sentiment of customers' messages (`sentiment/`).
 */
export * from './sentiment/index.js';
export * from './logs/index.js';
export * from './stats/index.js';
export * from './alerts/index.js';
