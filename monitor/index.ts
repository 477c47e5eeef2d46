/**
 * Monitoring of conversations: logs search, export and redaction (`logs/`).
 */
export * from './logs/index.js';
