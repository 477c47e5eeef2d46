import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import { systemClock } from '../core/tools.js';
import { broadcastToAgents, deliverHandoffEvent } from '../adapters/index.js';
import { monitorPublishers } from '../adapters/monitor/index.js';
import { handOffIfStronglyNegative, HandoffDesk, HandoffEvents } from '../bot/index.js';
import { openDatabase } from '../store/index.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startMonitoring, type Monitoring } from './monitoring.js';
import { lazySentiment } from './sentiment.js';
import { createStaffNotifiers } from './staff-channels.js';

/**
 * `npm run worker`: processes background jobs in a process of its own. Needs `REDIS_URL`, since
 * an in-process queue would only ever see the jobs this process adds itself.
 *
 * @remarks Job kinds come from `jobDefinitions` in jobs/registry.ts (the extension point), built
 * by server/monitoring.ts like in the web server. On SIGTERM or SIGINT it stops taking jobs, lets running
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
const sentiment = lazySentiment({ config, logger });
// Live events from here reach the sockets of every web replica through their socket.io Redis adapter.
const emitterRedis = new Redis(redisUrl);
emitterRedis.on('error', (error: Error) => logger.debug({ err: error }, 'socket.io emitter Redis connection failed'));
const sockets = new Emitter(emitterRedis, { key: `${config.REDIS_PREFIX}:socket.io` });
const live = monitorPublishers(sockets.of('/monitor'));
const desk = new HandoffDesk({ db: store.db, clock: systemClock, events: new HandoffEvents({ logger }) });
let monitoring: Monitoring;
try {
  // Alerts from here go to the staff channels directly; the web server schedules the rule jobs.
  monitoring = await startMonitoring({
    config, store, logger, clock: systemClock, score: sentiment.score, processJobs: true, schedule: false,
    publishSentiment: live.publishSentiment,
    publishAlert: live.publishAlert,
    // A strongly negative message hands the conversation to a person: the customer's tabs and the agents' consoles hear of it now.
    onScored: async (scored) => {
      const event = await handOffIfStronglyNegative({ ...scored, db: store.db, now: systemClock.now() });
      if (!event) return;
      deliverHandoffEvent(sockets.of('/chat'), event);
      broadcastToAgents(sockets.of('/agents'), event, { desk, logger });
    },
    notifiers: createStaffNotifiers({ config, store, logger, clock: systemClock }),
  });
} catch (error) {
  logger.fatal({ err: error }, 'could not start the job workers');
  await store.close();
  process.exit(1);
}
logger.info({ redisUrl: redisUrl.replace(/\/\/[^@]*@/, '//***@') }, 'worker started');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker shutting down: finishing running jobs');
    void monitoring.close()
      .then(() => { emitterRedis.disconnect(); return store.close(); })
      .then(() => process.exit(0), (error: unknown) => {
        logger.error({ err: error }, 'worker shutdown failed');
        process.exit(1);
      });
  });
}
