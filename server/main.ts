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

/** A shutdown that hangs (a stuck dependency) still ends, after turns had their time to finish. */
const SHUTDOWN_LIMIT_MS = 30_000;

// A rejected promise nobody awaited (a broadcast lost in a Redis outage, say) is logged; one
// background failure must not take down the turns of every other customer on this replica.
process.on('unhandledRejection', (reason) => { logger.error({ err: reason }, 'unhandled rejection'); });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down: finishing turns in flight');
    setTimeout(() => { logger.error({}, 'shutdown took too long; exiting'); process.exit(1); }, SHUTDOWN_LIMIT_MS).unref();
    void server.close().then(() => process.exit(0), (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  });
}
