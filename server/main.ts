import { loadConfig } from './config.js';
import { startServer } from './app.js';
import { createLogger } from './logger.js';

const config = loadConfig(process.env);
const logger = createLogger(config);
const server = await startServer({ config, logger }).catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
});
console.log(`\n  Counterpart demo shop: ${server.url}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    void server.close().then(() => process.exit(0));
  });
}
