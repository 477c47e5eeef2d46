import { createJobQueue, jobDefinitions } from '../jobs/index.js';
import { openDatabase } from '../store/index.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';

/**
 * `npm run worker`: processes background jobs in a process of its own. Needs `REDIS_URL`, since
 * an in-process queue would only ever see the jobs this process adds itself.
 *
 * @remarks Job kinds come from `jobDefinitions` in jobs/registry.ts (the extension point); this
 * root only builds their dependencies. On SIGTERM or SIGINT it stops taking jobs, lets running
 * ones finish (aborting them after 30 s; BullMQ then hands them to another worker) and exits.
 */
const config = loadConfig(process.env);
const logger = createLogger(config);
const redisUrl = config.REDIS_URL;
if (!redisUrl) {
  logger.fatal({}, 'REDIS_URL is not set: the worker process needs Redis (without it, jobs run inside the server)');
  process.exit(1);
}

const store = await openDatabase({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, sqlitePath: config.SQLITE_PATH });
const definitions = jobDefinitions({ logger, store });
const jobs = await createJobQueue({ definitions, redisUrl, logger });
try {
  await jobs.start();
} catch (error) {
  logger.fatal({ err: error }, 'could not start the job workers');
  await jobs.close({ drain: false });
  await store.close();
  process.exit(1);
}
logger.info({ jobs: definitions.map((d) => d.name) }, 'worker started');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker shutting down: finishing running jobs');
    void jobs.close({ drain: true, timeoutMs: 30_000 })
      .then(() => store.close())
      .then(() => process.exit(0), (error: unknown) => {
        logger.error({ err: error }, 'worker shutdown failed');
        process.exit(1);
      });
  });
}
