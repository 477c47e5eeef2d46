import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { Server as SocketServer } from 'socket.io';
import { attachAgents, attachWebchat, createAdminRouter, createOpsRouter, createRestRouter, type Authenticate } from '../adapters/index.js';
import { createKbRouter } from '../adapters/kb/index.js';
import { createDashboardRouter } from '../adapters/dashboard/index.js';
import { DashboardService } from '../monitor/stats/index.js';
import type { KnowledgeBase } from '../core/tools.js';
import { openKnowledgeBase } from './knowledge.js';
import { Bot, HandoffDesk, HandoffEvents, createBotTools, signCustomerToken, signStaffToken, StaffAdmin, verifyToken } from '../bot/index.js';
import type { Logger } from '../core/logger.js';
import type { Notifier } from '../core/table.js';
import { systemClock, type Clock } from '../core/tools.js';
import { openNlu } from './nlu.js';
import { findStaffUser, openDatabase, type Store } from '../store/index.js';
import { DEMO_CUSTOMER, DEMO_STAFF_ID, isDatabaseEmpty, seedDemoShop } from '../store/seed/index.js';
import type { Config } from './config.js';
import { attachMonitor, createMonitorRouter } from '../adapters/monitor/index.js';
import { insertDemoHistory, MonitorService } from '../monitor/index.js';
import { createLogger } from './logger.js';
import { startMonitoring } from './monitoring.js';
import { lazySentiment } from './sentiment.js';
import { databaseCheck, flagCheck, readinessHandler, redisCheck } from './health.js';
import { ServerMetrics } from './metrics.js';
import type { TurnObserver } from '../core/observer.js';
import { SLACK_EVENTS_PATH, startStaffChannels } from './staff-channels.js';
import { attachRedisAdapter } from './socket-cluster.js';
import { openRateLimits } from './rate-limits.js';
import { corsAllowList, jsonNotFound, noStackTraces, rateLimit, securityHeaders } from '../adapters/http/index.js';

const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));
/** Chart.js's browser build, which the dashboard loads from `/vendor/chart.umd.min.js`. */
const CHART_JS = join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
/** Socket frames above this are dropped by socket.io before any handler runs. */
const MAX_SOCKET_FRAME_BYTES = 64 * 1024;
/** The support agent the demo agent console (`/agents`) signs in as: Aisha Khan. */
const DEMO_AGENT_ID = 4;
/** On shutdown, turns already accepted get this long to finish before sockets close. */
const DRAIN_MS = 15_000;

export interface RunningServer {
  url: string;
  store: Store;
  /** Proactive senders of the configured staff channels (Teams, Slack), for alerts. */
  notifiers: Notifier[];
  close(): Promise<void>;
}

/**
 * Composition root: opens the store, starts listening (liveness, demo page and static files
 * answer at once), then seeds an empty store, trains the NLU and wires the bot into the REST
 * and web chat channels. Resolves when the bot is ready.
 *
 * @example
 * const server = await startServer({ config: loadConfig(process.env) });
 * console.log(server.url);
 */
export async function startServer(options: {
  config: Config; logger?: Logger; clock?: Clock;
  /** Redis that `/readyz` pings; not checked when unset. */
  redisUrl?: string;
  /** Bearer token `/metrics` requires; open when unset. */
  metricsToken?: string;
}): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const store = await openDatabase({
    url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, sqlitePath: config.SQLITE_PATH,
    onConnectionError: (error) => logger.warn({ err: error }, 'a PostgreSQL connection broke; the pool reconnects'),
  });
  const authenticate: Authenticate = (token) => verifyToken(token, { secret: config.CUSTOMER_TOKEN_SECRET, now: clock.now() });
  let api: express.Router | undefined;
  /** Set on shutdown: new work is refused (retryable) while accepted turns finish. */
  let draining = false;
  const app = express();
  app.disable('x-powered-by');
  if (config.TRUST_PROXY) app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  // First, so every response carries them, refusals included.
  app.use(securityHeaders({ https: config.PUBLIC_HTTPS }));
  app.use((_req, res, next) => {
    if (!draining) return next();
    res.status(503).set({ 'retry-after': '1', connection: 'close' })
      .json({ error: { code: 'shutting_down', message: 'This server is restarting; please try again.' } });
  });
  // Liveness answers at once; readiness (and the chat) wait for seeding and NLU training.
  app.get('/healthz', (_req, res) => { res.json({ status: api ? 'ok' : 'starting' }); });
  const metrics = new ServerMetrics({ logger });
  const redisUrl = options.redisUrl ?? config.REDIS_URL;
  const redis = redisUrl ? redisCheck(redisUrl, { logger }) : undefined;
  const checks = [databaseCheck(store.db), ...(redis ? [redis] : []), flagCheck('models', () => api !== undefined), flagCheck('accepting', () => !draining)];
  app.get('/readyz', readinessHandler({ checks, logger }));
  app.get('/metrics', metrics.handler({ token: options.metricsToken ?? config.METRICS_TOKEN }));
  const limits = openRateLimits({ config, redisUrl, logger, onLimited: metrics.rejectedRequest });
  app.use('/api', corsAllowList(config.WIDGET_ORIGINS));
  app.use('/api', rateLimit({ limiter: limits.limiter, rules: [limits.rules.httpPerIp], keyOf: (req) => (req.path === '/messages' ? undefined : req.ip) }));
  app.post('/api/conversations/:id/messages', rateLimit({
    limiter: limits.limiter, rules: [limits.rules.messagesPerConversation], keyOf: (req) => String(req.params.id),
  }));
  app.use('/api', (req, res, next) => {
    if (api) return api(req, res, next);
    res.status(503).set('retry-after', '2').json({ error: { code: 'starting', message: 'The assistant is starting; try again in a moment.' } });
  });
  // Slack signs the raw bytes: its route comes before anything that parses a body.
  let slack: express.Router | undefined;
  app.post(SLACK_EVENTS_PATH, (req, res, next) => {
    if (slack) return slack(req, res, next);
    if (!config.SLACK_BOT_TOKEN) return next();
    res.status(503).set('retry-after', '2').end();
  });
  app.get('/', async (_req, res) => { res.type('html').send(await demoPage({ config, clock })); });
  app.get('/staff', async (_req, res, next) => {
    const page = config.DEMO_MODE ? await staffDemoPage({ config, clock, store }) : undefined;
    if (!page) return next();
    res.type('html').send(page);
  });
  app.get('/agents', async (_req, res) => { res.type('html').send(await agentsPage({ config, clock, store })); });
  app.get('/dashboard', async (_req, res) => { res.type('html').send(await dashboardPage({ config, clock, store })); });
  app.get('/vendor/chart.umd.min.js', (_req, res) => { res.sendFile(CHART_JS, { maxAge: '1d' }); });
  app.get('/help/:article', async (req, res, next) => {
    // Sources cited by the bot link here: the demo knowledge-base articles, as plain text.
    const name = String(req.params.article);
    if (!/^[a-z0-9-]+$/.test(name)) return next();
    const text = await readFile(new URL(`../store/demo-shop/kb/${name}.md`, import.meta.url), 'utf8').catch(() => undefined);
    if (text === undefined) return next();
    res.type('text/plain; charset=utf-8').send(text);
  });
  app.use(express.static(WEB_DIR, { index: false }));
  app.use('/api', jsonNotFound());
  app.use(noStackTraces({ logger }));
  const http = createServer(app);
  const io = new SocketServer(http, {
    maxHttpBufferSize: MAX_SOCKET_FRAME_BYTES,
    serveClient: true,
    ...(config.WIDGET_ORIGINS.length > 0 ? { cors: { origin: config.WIDGET_ORIGINS } } : {}),
  });
  const closers: Array<() => Promise<void>> = [];
  // Several replicas: socket.io broadcasts (chat replies, agents, monitor) reach every replica's sockets.
  if (redisUrl) closers.push(attachRedisAdapter(io, { url: redisUrl, prefix: config.REDIS_PREFIX, logger }));
  closers.push(() => limits.close());
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  io.of('/chat').use((_socket, next) => { void ready.then(() => next()); });
  io.of('/agents').use((_socket, next) => { void ready.then(() => next()); });
  io.of('/monitor').use((_socket, next) => { void ready.then(() => next()); });
  if (redis) closers.push(() => redis.close());
  let activeBot: Bot | undefined;
  const close = async () => {
    // Graceful: stop taking connections and messages, let accepted turns commit and answer, then
    // close the sockets (clients reconnect to another replica and re-send what was not acknowledged).
    draining = true;
    const stopped = new Promise<void>((resolve) => { http.close(() => resolve()); });
    const unfinished = await activeBot?.drain(DRAIN_MS);
    if (unfinished) logger.warn({ unfinished }, 'shutting down with turns still running');
    await closeAll(io, http, stopped);
    for (const closer of closers.reverse()) await closer();
    await store.close();
  };
  try {
    const url = await listen(http, config);
    logger.info({ url }, `Counterpart is listening at ${url}`);
    await seedIfEmpty({ store, config, logger, clock });
    const kb = await openKnowledgeBase({ store, config, logger });
    closers.push(() => kb.close());
    const handoffEvents = new HandoffEvents({ logger });
    metrics.watchHandoffs(handoffEvents);
    // Sentiment scoring starts with the job queue below; turns before that are not scored.
    let scoringObserver: TurnObserver | undefined;
    const scoring: TurnObserver = { onTurn: (record) => scoringObserver?.onTurn(record) };
    const monitorLogs = new MonitorService({ db: store.db, redactOrderNumbers: config.MONITOR_REDACT_ORDER_NUMBERS, clock });
    const monitor = attachMonitor({ io, logs: monitorLogs, authenticate, logger });
    const bot = await createBot({
      store, config, logger, clock, kb: metrics.timeKnowledge(kb), handoffEvents, observers: [metrics.turnObserver, monitor.observer, scoring],
      onConflict: metrics.turnConflict,
    });
    activeBot = bot;
    attachWebchat({ io, bot, authenticate, logger, accepting: () => !draining, checkLimits: limits.checkMessage, clientIp: (request) => clientIp(app, request) });
    const desk = new HandoffDesk({ db: store.db, clock, events: handoffEvents });
    attachAgents({ io, desk, authenticate, logger });
    const channels = await startStaffChannels({ config, bot, store, logger, clock, desk });
    closers.push(() => channels.close());
    const sentiment = lazySentiment({ config, logger });
    sentiment.warm();
    const monitoring = await startMonitoring({
      config, store, logger, clock, score: sentiment.score, notifiers: channels.notifiers, processJobs: config.JOBS_IN_SERVER, schedule: true,
      publishSentiment: (scored) => monitor.publishSentiment(scored),
      onScored: (scored) => bot.handOffIfStronglyNegative(scored),
      publishAlert: (alert) => monitor.publishAlert(alert),
      reindexKnowledge: async () => { logger.info({ result: await kb.reindex() }, 'knowledge base reindexed'); },
      retrainNlu: async () => { bot.replaceNlu(await openNlu({ store, config, logger })); },
    });
    closers.push(() => monitoring.close());
    scoringObserver = monitoring.observer;
    metrics.registerQueueGauges(async () => Object.entries(await monitoring.jobs.counts()).map(([queue, c]) => ({ queue, ...c })));
    slack = channels.slack;
    const root = express.Router();
    // Before the REST routes, whose JSON parser would read the Teams activity first.
    if (channels.teams) root.use(channels.teams);
    if (config.KB_ADMIN_TOKEN) root.use('/kb', createKbRouter({ kb, adminToken: config.KB_ADMIN_TOKEN, logger }));
    root.use('/ops', createOpsRouter({ bot, authenticate, logger }));
    if (config.ADMIN_TOKEN) root.use('/admin', createAdminRouter({
      staff: new StaffAdmin(store.db, clock), adminToken: config.ADMIN_TOKEN, logger,
      // One queued run of each at a time: a second request while one waits is the same job.
      enqueue: (job, body) => monitoring.jobs.add(job, body, { jobId: `${job}-${Math.floor(clock.now().getTime() / 60_000)}` }),
    }));
    root.use('/monitor', createMonitorRouter({ logs: monitorLogs, authenticate, logger }));
    root.use('/dashboard', createDashboardRouter({ stats: new DashboardService({ db: store.db, redactOrderNumbers: config.MONITOR_REDACT_ORDER_NUMBERS, clock }), authenticate, logger }));
    root.use(createRestRouter({ bot, authenticate, logger }));
    api = root;
    markReady();
    logger.info({ url }, `Counterpart is ready at ${url}`);
    return { url, store, notifiers: channels.notifiers, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function createBot(options: {
  store: Store; config: Config; logger: Logger; clock: Clock; kb: KnowledgeBase; handoffEvents: HandoffEvents; observers: TurnObserver[];
  onConflict: () => void;
}): Promise<Bot> {
  const nlu = await openNlu(options);
  return new Bot({
    db: options.store.db, nlu, tools: createBotTools(), clock: options.clock, logger: options.logger, knowledge: options.kb,
    handoffEvents: options.handoffEvents, observers: options.observers, onConflict: options.onConflict,
    limits: { maxAttempts: options.config.IDENTITY_MAX_ATTEMPTS, windowSeconds: options.config.IDENTITY_WINDOW_SECONDS },
  });
}

async function seedIfEmpty(options: { store: Store; config: Config; logger: Logger; clock: Clock }): Promise<void> {
  if (!options.config.SEED_ON_START || !(await isDatabaseEmpty(options.store.db))) return;
  options.logger.info({}, 'empty database: seeding the demo shop');
  const started = Date.now();
  await seedDemoShop(options.store.db, {
    now: options.clock.now(),
    scale: options.config.SEED_SCALE,
    onProgress: (step, done, total) => options.logger.debug({ step, done, total }, 'seeding'),
  });
  // Two weeks of past conversations, so the monitor dashboard has sentiment and alerts to show.
  await insertDemoHistory(options.store.db, { now: options.clock.now() });
  options.logger.info({ ms: Date.now() - started }, 'demo shop seeded');
}

async function demoPage(options: { config: Config; clock: Clock }): Promise<string> {
  const html = await readFile(new URL('demo.html', `file://${WEB_DIR}`), 'utf8');
  // The demo page plays the shop's own site, which signs in its customer and hands the widget a token.
  const token = options.config.DEMO_MODE
    ? signCustomerToken({ customerId: DEMO_CUSTOMER.id, secret: options.config.CUSTOMER_TOKEN_SECRET, now: options.clock.now() })
    : '';
  return html.replaceAll('__COUNTERPART_TOKEN__', token);
}

/**
 * The demo back office: the widget signed in as a seeded ops user, so staff tools can be tried.
 * Undefined when that user does not exist (a store seeded by something else).
 */
async function staffDemoPage(options: { config: Config; clock: Clock; store: Store }): Promise<string | undefined> {
  const staff = await findStaffUser(options.store.db, DEMO_STAFF_ID);
  if (!staff) return undefined;
  const html = await readFile(new URL('staff.html', `file://${WEB_DIR}`), 'utf8');
  const token = signStaffToken({ staffId: staff.id, secret: options.config.CUSTOMER_TOKEN_SECRET, now: options.clock.now() });
  return html.replaceAll('__COUNTERPART_TOKEN__', token).replaceAll('__STAFF_NAME__', escapeHtml(staff.name));
}

/**
 * The agent console. In demo mode its sign-in form comes filled in with the demo agent's token;
 * otherwise agents paste the staff token their back office signed for them.
 */
async function agentsPage(options: { config: Config; clock: Clock; store: Store }): Promise<string> {
  const html = await readFile(new URL('agents.html', `file://${WEB_DIR}`), 'utf8');
  const agent = options.config.DEMO_MODE ? await findStaffUser(options.store.db, DEMO_AGENT_ID) : undefined;
  const token = agent?.role === 'agent'
    ? signStaffToken({ staffId: agent.id, secret: options.config.CUSTOMER_TOKEN_SECRET, now: options.clock.now() })
    : '';
  return html.replaceAll('__AGENT_TOKEN__', token);
}

/**
 * The monitor dashboard. In demo mode it comes signed in as the demo back-office user (Tom
 * Barker, a manager, who may read the dashboard); otherwise monitors paste a staff token.
 */
async function dashboardPage(options: { config: Config; clock: Clock; store: Store }): Promise<string> {
  const html = await readFile(new URL('dashboard.html', `file://${WEB_DIR}`), 'utf8');
  const staff = options.config.DEMO_MODE ? await findStaffUser(options.store.db, DEMO_STAFF_ID) : undefined;
  const token = staff ? signStaffToken({ staffId: staff.id, secret: options.config.CUSTOMER_TOKEN_SECRET, now: options.clock.now() }) : '';
  return html.replaceAll('__MONITOR_TOKEN__', token).replaceAll('__STAFF_NAME__', staff ? escapeHtml(staff.name) : '');
}

/**
 * A socket.io handshake's client address by express's own `req.ip` rule, so per-IP limits on chat
 * messages honour `TRUST_PROXY` exactly as REST does (a hop count counts from the right of
 * `X-Forwarded-For`; the left-most entry is whatever the client wrote).
 */
function clientIp(app: express.Express, request: IncomingMessage): string {
  const req = Object.create(app.request, { headers: { value: request.headers }, socket: { value: request.socket } }) as express.Request;
  return req.ip ?? request.socket.remoteAddress ?? '';
}

/** `TRUST_PROXY` as express takes it: `true`/`false`, a hop count, or addresses and subnets. */
function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function listen(http: HttpServer, config: Config): Promise<string> {
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.PORT, config.HOST, () => {
      const { port } = http.address() as AddressInfo;
      const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
      resolve(`http://${host}:${port}`);
    });
  });
}

async function closeAll(io: SocketServer, http: HttpServer, stopped: Promise<void>): Promise<void> {
  await new Promise<void>((resolve) => { void io.close(() => resolve()); });
  http.closeAllConnections();
  await stopped;
}
