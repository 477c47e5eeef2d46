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
   * Other sites allowed to embed the widget (comma-separated origins, for example
   * `https://shop.example`). The demo page on this server is always allowed. @defaultValue none
   */
  WIDGET_ORIGINS: z.string().default('').transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.string().url())),
  /** Seed the demo shop into an empty database on start. @defaultValue true */
  SEED_ON_START: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Size of the seeded demo shop: `demo` (~200 products, 5,000 orders) or `small` (for tests). @defaultValue demo */
  SEED_SCALE: z.enum(['demo', 'small']).default('demo'),
  /** @defaultValue info */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Identity checks allowed per conversation and per order number in the window. @defaultValue 5 */
  IDENTITY_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  /** @defaultValue 900 (15 minutes) */
  IDENTITY_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
});

/** Validated configuration. Only this module reads the environment. */
export type Config = z.output<typeof EnvSchema>;

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
  return parsed.data;
}

