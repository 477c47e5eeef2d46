import { execFile, spawn } from 'node:child_process';
import { DependencyError } from '../../core/errors.js';

/**
 * Restarting and probing the shared services (Redis, PostgreSQL) for chaos runs and for tests
 * that need an outage. Commands run through `/bin/sh -c`, each bounded in time.
 */

/** Redis on this machine's CI setup: stop without saving, start again as `.ci/run` does. */
export const DEFAULT_REDIS_RESTART =
  'redis-cli -p 6379 shutdown nosave; redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log';
/** The Debian PostgreSQL cluster, without systemd. */
export const DEFAULT_PG_RESTART = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main restart';

/** How long a restart command may run. @defaultValue 60 s */
const COMMAND_TIMEOUT_MS = 60_000;
/** How long to wait for a service to answer again. @defaultValue 60 s */
const WAIT_TIMEOUT_MS = 60_000;
const PROBE_INTERVAL_MS = 250;

/** Options shared by the functions here. */
export interface ServiceOptions {
  /** Shell command that restarts the service; a default for this machine otherwise. */
  command?: string;
  /** How long to wait for the service to answer. @defaultValue 60 s */
  timeoutMs?: number;
  /** Told what happened, one line each. */
  log?: (line: string) => void;
}

/** Host and port of a `redis://` or `postgres://` URL, with the service's default port. */
export function hostAndPort(url: string, defaultPort: number): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: parsed.port ? Number(parsed.port) : defaultPort };
}

/** Runs `command` with /bin/sh in its own process group (so a daemon it starts never shares our Ctrl-C). */
export function runShell(command: string, timeoutMs: number = COMMAND_TIMEOUT_MS): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const append = (chunk: Buffer) => { if (output.length < 8_000) output += chunk.toString('utf8'); };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(() => {
      try { process.kill(-(child.pid as number), 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutMs);
    // 'exit', not 'close': a daemon the command starts may hold the pipes open.
    child.once('exit', (code) => {
      clearTimeout(timer);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ code, output: output.trim() });
    });
    child.once('error', (error) => { clearTimeout(timer); resolve({ code: null, output: error.message }); });
  });
}

function probe(file: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, [...args], { timeout: 5_000 }, (error, stdout) => resolve(error ? undefined : stdout.trim()));
  });
}

async function waitFor(name: string, check: () => Promise<boolean>, options: ServiceOptions): Promise<number> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? WAIT_TIMEOUT_MS;
  const maxProbes = Math.ceil(timeoutMs / PROBE_INTERVAL_MS) + 1;
  for (let i = 0; i < maxProbes && Date.now() - started <= timeoutMs; i++) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
  }
  throw new DependencyError(`${name} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}

/** Resolves (with the milliseconds waited) once `redis-cli ping` answers PONG. */
export function waitForRedis(url: string, options: ServiceOptions = {}): Promise<number> {
  const { host, port } = hostAndPort(url, 6379);
  return waitFor('Redis', async () => (await probe('redis-cli', ['-h', host, '-p', String(port), 'ping'])) === 'PONG', options);
}

/** Resolves (with the milliseconds waited) once `pg_isready` says the server accepts connections. */
export function waitForPostgres(url: string, options: ServiceOptions = {}): Promise<number> {
  const { host, port } = hostAndPort(url, 5432);
  return waitFor('PostgreSQL', async () => (await probe('pg_isready', ['-h', host, '-p', String(port)])) !== undefined, options);
}

async function restart(name: string, url: string, options: ServiceOptions & {
  command: string; wait: (url: string, options: ServiceOptions) => Promise<number>;
}): Promise<{ commandMs: number; downMs: number }> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  log(`restarting ${name}: ${options.command}`);
  const { code, output } = await runShell(options.command);
  const commandMs = Date.now() - started;
  log(`${name} restart command exited with ${code} after ${commandMs} ms${output ? `: ${output.replace(/\s+/g, ' ').slice(0, 300)}` : ''}`);
  await options.wait(url, options);
  const downMs = Date.now() - started;
  log(`${name} answers again ${downMs} ms after the restart began`);
  return { commandMs, downMs };
}

/** Restarts Redis and waits until it answers PING; resolves with how long that took. */
export function restartRedis(url: string, options: ServiceOptions = {}): Promise<{ commandMs: number; downMs: number }> {
  return restart('Redis', url, { ...options, command: options.command ?? DEFAULT_REDIS_RESTART, wait: waitForRedis });
}

/** Restarts PostgreSQL and waits until `pg_isready` passes; resolves with how long that took. */
export function restartPostgres(url: string, options: ServiceOptions = {}): Promise<{ commandMs: number; downMs: number }> {
  return restart('PostgreSQL', url, { ...options, command: options.command ?? DEFAULT_PG_RESTART, wait: waitForPostgres });
}
