import { pino } from 'pino';
import type { Config } from './config.js';

/** Structured JSON logs (pino) at the configured level. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>) {
  return pino({ level: config.LOG_LEVEL, base: { service: 'counterpart' } });
}
