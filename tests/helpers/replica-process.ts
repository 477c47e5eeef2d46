import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../server/config.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ReplicaProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/**
 * Starts `server/main.ts` as a process of its own (a replica that can be killed) on the
 * database, Redis and model folders of `config`, which another server already seeded and trained.
 */
export async function startReplicaProcess(config: Config, env: Record<string, string> = {}): Promise<ReplicaProcess> {
  return startProcess('server/main.ts', config, env, /Counterpart demo shop: (http:\/\/\S+)/);
}

/** Starts `npm run worker` (server/worker.ts) on the database and Redis of `config`; `url` is empty. */
export async function startWorkerProcess(config: Config, env: Record<string, string> = {}): Promise<ReplicaProcess> {
  return startProcess('server/worker.ts', config, { LOG_LEVEL: 'info', ...env }, /worker started()/);
}

async function startProcess(script: string, config: Config, env: Record<string, string>, ready: RegExp): Promise<ReplicaProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'warn', SEED_ON_START: 'false', JOBS_IN_SERVER: 'false',
      DATABASE_URL: config.DATABASE_URL ?? '', DATABASE_SCHEMA: config.DATABASE_SCHEMA ?? '', REDIS_URL: config.REDIS_URL ?? '',
      // The same jobs, socket.io channels and rate-limit counters as the servers it joins.
      REDIS_PREFIX: config.REDIS_PREFIX,
      SEED_SCALE: config.SEED_SCALE, KB_DIR: config.KB_DIR, KB_ENCODER: config.KB_ENCODER, NLU_MODEL_DIR: config.NLU_MODEL_DIR,
      NLU_ENCODER: config.NLU_ENCODER, SENTIMENT_MODEL_DIR: config.SENTIMENT_MODEL_DIR, CUSTOMER_TOKEN_SECRET: config.CUSTOMER_TOKEN_SECRET,
      ...env,
    },
  });
  const exited = new Promise<number | string>((resolve) => { child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)); });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  // Keep the pipe drained after start-up, so a chatty process never blocks on a full pipe.
  child.stdout?.on('data', () => {});
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within 60 s:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) { clearTimeout(timer); resolve(match[1] ?? ''); }
    });
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`replica exited (${code}) before it was ready:\n${output}`)); });
  });
  return { url, child, exited };
}
