import type { Cluster } from '../../server/cluster.js';
import { restartPostgres, restartRedis } from './services.js';

/** One disruption and how it went. */
export interface ChaosEvent {
  name: 'kill-replica' | 'restart-redis' | 'restart-postgres';
  /** Seconds after the start of the send window when it began. */
  atS: number;
  /** How long until the service (or replica) answered again. */
  ms: number;
  ok: boolean;
  error?: string;
}

/** Where in the send window each disruption starts, as fractions of it: spread out, one at a time. */
export const CHAOS_PLAN: ReadonlyArray<{ name: ChaosEvent['name']; at: number }> = [
  { name: 'kill-replica', at: 0.15 },
  { name: 'restart-redis', at: 0.45 },
  { name: 'restart-postgres', at: 0.7 },
];

/**
 * Runs {@link CHAOS_PLAN} against a running cluster: SIGKILL the last replica and start it again
 * (`cluster.restart`), restart Redis, restart PostgreSQL; each waits until the thing answers again
 * before the next may begin. Stops scheduling new events when `signal` aborts.
 */
export async function runChaos(options: {
  cluster: Cluster; replicas: number; windowMs: number; startedAt: number; now: () => number;
  databaseUrl: string; redisUrl: string; redisRestart?: string; pgRestart?: string;
  log: (line: string) => void; signal: AbortSignal;
}): Promise<ChaosEvent[]> {
  const { cluster, log, now } = options;
  const events: ChaosEvent[] = [];
  const victim = options.replicas - 1;
  const actions: Record<ChaosEvent['name'], () => Promise<unknown>> = {
    'kill-replica': async () => {
      log(`SIGKILL replica-${victim + 1}`);
      await cluster.kill(victim, 'SIGKILL');
      log(`replica-${victim + 1} killed; starting it again`);
      await cluster.restart(victim);
    },
    'restart-redis': () => restartRedis(options.redisUrl, { command: options.redisRestart, log }),
    'restart-postgres': () => restartPostgres(options.databaseUrl, { command: options.pgRestart, log }),
  };
  for (const step of CHAOS_PLAN) {
    const due = options.startedAt + step.at * options.windowMs;
    await sleepUntil(due, now, options.signal);
    if (options.signal.aborted) break;
    const began = now();
    const atS = Math.round((began - options.startedAt) / 100) / 10;
    log(`chaos t=${atS}s: ${step.name}`);
    try {
      await actions[step.name]();
      events.push({ name: step.name, atS, ms: Math.round(now() - began), ok: true });
      log(`chaos t=${Math.round((now() - options.startedAt) / 100) / 10}s: ${step.name} done after ${Math.round(now() - began)} ms`);
    } catch (error) {
      const message = (error as Error).message.split('\n')[0] ?? String(error);
      events.push({ name: step.name, atS, ms: Math.round(now() - began), ok: false, error: message });
      log(`chaos: ${step.name} FAILED: ${message}`);
    }
  }
  return events;
}

function sleepUntil(due: number, now: () => number, signal: AbortSignal): Promise<void> {
  const ms = Math.max(0, due - now());
  return new Promise((resolve) => {
    if (signal.aborted || ms === 0) return resolve();
    const done = () => { clearTimeout(timer); signal.removeEventListener('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
