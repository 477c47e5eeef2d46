import { z } from 'zod';
import { InvalidInputError } from '../core/errors.js';

/** Secret used when none is configured: fine for the demo on localhost, never for production. */
export const DEMO_TOKEN_SECRET = 'counterpart-demo-secret-change-me';

const EnvSchema = z.object({
  /** @defaultValue 3000 (0 picks a free port) */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** @defaultValue 127.0.0.1 */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PostgreSQL URL; when unset the embedded SQLite file is used. */
  DATABASE_URL: z.string().url().optional(),
  /** PostgreSQL schema to use (created if missing), for several shops in one database. @defaultValue public */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
  /** @defaultValue data/counterpart.db */
  SQLITE_PATH: z.string().min(1).default('data/counterpart.db'),
  /** HMAC secret that signs customer tokens for the widget and REST. */
  CUSTOMER_TOKEN_SECRET: z.string().min(16).default(DEMO_TOKEN_SECRET),
  /** Serve the demo shop page at `/`, signed in as the demo customer. @defaultValue true */
  DEMO_MODE: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /**
   * The CORS allow-list: other sites allowed to embed the widget and call the REST API from a
   * browser (comma-separated origins, for example `https://shop.example`). Pages served by this
   * server are always allowed. @defaultValue none
   */
  WIDGET_ORIGINS: z.string().default('').transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.string().url())),
  /** Seed the demo shop into an empty database on start. @defaultValue true */
  SEED_ON_START: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Size of the seeded demo shop: `demo` (~200 products, 5,000 orders) or `small` (for tests). @defaultValue demo */
  SEED_SCALE: z.enum(['demo', 'small']).default('demo'),
  /** Folder of the knowledge-base index (HNSW + BM25 + chunk manifest). @defaultValue data/kb */
  KB_DIR: z.string().min(1).default('data/kb'),
  /** Bearer token for `/api/kb` (upload, delete, reindex, search); the admin API is off when unset. */
  KB_ADMIN_TOKEN: z.string().min(16).optional(),
  /** Sentence encoder for retrieval: `use-lite` (shipped model), `hashed` (n-grams, no model) or `onnx`. @defaultValue use-lite */
  KB_ENCODER: z.enum(['use-lite', 'hashed', 'onnx']).default('use-lite'),
  /** Local folder of an ONNX sentence-transformer (Hugging Face layout) when `KB_ENCODER=onnx`. */
  ONNX_MODEL_DIR: z.string().min(1).optional(),
  /** HNSW graph degree. @defaultValue 16 */
  KB_HNSW_M: z.coerce.number().int().min(2).max(128).default(16),
  /** @defaultValue 200 */
  KB_HNSW_EF_CONSTRUCTION: z.coerce.number().int().min(8).default(200),
  /** @defaultValue 64 */
  KB_HNSW_EF_SEARCH: z.coerce.number().int().min(1).default(64),
  /** Answers below this confidence become "I don't know". @defaultValue 0.4 (tuned on tests/fixtures/kb/demo-validation.json) */
  KB_NO_ANSWER_THRESHOLD: z.coerce.number().min(0).max(1).default(0.4),
  /** Folder of the trained NLU model; trained from `NLU_DATA` at start when missing or stale. @defaultValue data/nlu-model */
  NLU_MODEL_DIR: z.string().min(1).default('data/nlu-model'),
  /**
   * Training files (YAML/JSON, one per language), comma-separated.
   * @defaultValue the demo shop's `nlu/demo-data/en.yaml,nlu/demo-data/zh.yaml`
   */
  NLU_DATA: z.string().default('').transform((v) => v.split(',').map((f) => f.trim()).filter(Boolean)),
  /**
   * Sentence encoder for the intent classifier: `use-lite` (English), `onnx` (the model in
   * `ONNX_MODEL_DIR`, e.g. a multilingual one for English and Chinese), `hashed` (n-grams, any
   * language, no model) or `none` (TF-IDF features only). @defaultValue use-lite
   */
  NLU_ENCODER: z.enum(['use-lite', 'onnx', 'hashed', 'none']).default('use-lite'),
  /** @defaultValue info */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Identity checks allowed per conversation and per order number in the window. @defaultValue 5 */
  IDENTITY_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  /** @defaultValue 900 (15 minutes) */
  IDENTITY_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Redis URL: `/readyz` pings it, and the job queue and several replicas use it; not used when unset. */
  REDIS_URL: z.string().url().optional(),
  /**
   * Prefix of every Redis key and channel this deployment uses (jobs, socket.io broadcasts, rate
   * limits), so several shops or test runs can share one Redis. @defaultValue `counterpart`, or
   * `counterpart:<DATABASE_SCHEMA>` when a schema is set
   */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_:.-]{1,64}$/).optional(),
  /**
   * Rate limits per minute (0 turns one off), counted in Redis across replicas when `REDIS_URL`
   * is set, in memory otherwise. Every `/api` request per client IP (Teams' `/api/messages`,
   * which Azure sends from few addresses, is signed and not counted): @defaultValue 600
   */
  RATE_LIMIT_HTTP_PER_IP: z.coerce.number().int().min(0).default(600),
  /** Chat messages per client IP. @defaultValue 300 */
  RATE_LIMIT_MESSAGES_PER_IP: z.coerce.number().int().min(0).default(300),
  /** Chat messages per signed-in customer or staff user, across their conversations. @defaultValue 120 */
  RATE_LIMIT_MESSAGES_PER_CUSTOMER: z.coerce.number().int().min(0).default(120),
  /** Chat messages per conversation. @defaultValue 60 */
  RATE_LIMIT_MESSAGES_PER_CONVERSATION: z.coerce.number().int().min(0).default(60),
  /**
   * Express's `trust proxy`: set it behind a reverse proxy (`true`, a hop count, or its
   * addresses), so per-IP limits see the client's address instead of the proxy's. @defaultValue off
   */
  TRUST_PROXY: z.string().optional(),
  /** The site is served over HTTPS (by the proxy): adds Strict-Transport-Security. @defaultValue false */
  PUBLIC_HTTPS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Bearer token `/metrics` requires; open to anyone who can reach the port when unset. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Redact six-digit order numbers too in what monitors see (e-mails, phones and addresses always are). @defaultValue false */
  MONITOR_REDACT_ORDER_NUMBERS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Alert rules and thresholds as JSON keyed by rule, e.g. `{"low_stock":{"warehouses":["LDS"]},"cancellation_rate":{"enabled":false}}`. @defaultValue every rule on, with documented defaults */
  ALERT_RULES: z.string().optional(),
  /** Whether the web server runs background jobs itself; set `false` when `npm run worker` processes run them. @defaultValue true */
  JOBS_IN_SERVER: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Folder of the trained sentiment models; trained from the demo data at start when missing or stale. @defaultValue data/sentiment-model */
  SENTIMENT_MODEL_DIR: z.string().min(1).default('data/sentiment-model'),
  /** Bearer token for `/api/admin` (staff, roles, identities); the admin API is off when unset. */
  ADMIN_TOKEN: z.string().min(16).optional(),
  /**
   * Teams (Microsoft 365 Agents SDK) app registration, under the SDK's own variable names.
   * With `clientId` set, every `/api/messages` request must carry a valid Bot Framework JWT;
   * without it the endpoint accepts anonymous requests (local emulator use only).
   */
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  tenantId: z.string().min(1).optional(),
  /** Accept unauthenticated Teams activities when no `clientId` is set: for the local Bot Framework Emulator only. @defaultValue false */
  TEAMS_ANONYMOUS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Slack app: both set turns on `POST /slack/events` (HTTP mode); Socket Mode needs the bot token and `SLACK_APP_TOKEN`. */
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  /** Slack Socket Mode instead of HTTP (needs an app-level token `xapp-…`). */
  SLACK_APP_TOKEN: z.string().min(1).optional(),
  /** Slack channel id alerts are posted to. */
  SLACK_ALERT_CHANNEL: z.string().min(1).optional(),
  /** Slack channel id where each hand-off to a person opens a thread agents answer in. @defaultValue SLACK_ALERT_CHANNEL */
  SLACK_HANDOFF_CHANNEL: z.string().min(1).optional(),
  /** Base URL of Slack's Web API; only tests point it elsewhere. @defaultValue https://slack.com/api/ */
  SLACK_API_URL: z.string().url().optional(),
});

/** Validated configuration. Only this module reads the environment. */
export type Config = z.output<typeof EnvSchema> & { REDIS_PREFIX: string };

/**
 * Validates configuration from an environment-like record.
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new InvalidInputError(`invalid configuration: ${problems}`);
  }
  for (const key of ['KB_ENCODER', 'NLU_ENCODER'] as const) {
    if (parsed.data[key] === 'onnx' && !parsed.data.ONNX_MODEL_DIR) throw new InvalidInputError(`invalid configuration: ${key}=onnx needs ONNX_MODEL_DIR`);
  }
  const schema = parsed.data.DATABASE_URL ? parsed.data.DATABASE_SCHEMA : undefined;
  return { ...parsed.data, REDIS_PREFIX: parsed.data.REDIS_PREFIX ?? (schema ? `counterpart:${schema}` : 'counterpart') };
}

