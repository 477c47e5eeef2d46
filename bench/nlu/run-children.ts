import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { workerArgv, type BenchArgs } from './cli-args.js';
import { round, type BenchFailure, type BenchOutcome } from './result.js';
import type { WorkerMessage } from './run-worker.js';

const CLI_PATH = fileURLToPath(new URL('./cli.ts', import.meta.url));
/** Grace period between SIGTERM and SIGKILL for a worker past its time limit. */
const KILL_GRACE_MS = 10_000;

/**
 * Measures one system in a child process running this CLI with `--worker`, so that its
 * memory and timings are its own. The child's output goes to stderr; its result comes back
 * over IPC. A child past `maxMinutes` is stopped and reported as a failure.
 *
 * @remarks The child inherits `process.execArgv`, which under `tsx` carries the TypeScript loader.
 */
export function runSystemInChild(args: BenchArgs, system: string): Promise<BenchOutcome> {
  const started = performance.now();
  const failure = (error: string): BenchFailure => ({
    dataset: args.dataset,
    system,
    error,
    elapsed_seconds: round((performance.now() - started) / 1000, 1),
    split: args.testPath === undefined ? 'validation' : 'test',
  });
  return new Promise((resolve) => {
    const child = fork(CLI_PATH, workerArgv(args, system), { stdio: ['ignore', 2, 2, 'ipc'] });
    let outcome: BenchOutcome | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    const limitTimer = setTimeout(() => {
      outcome = failure(`timed out after ${args.maxMinutes} min`);
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    }, args.maxMinutes * 60_000);
    child.on('message', (message: WorkerMessage) => {
      outcome ??= message.type === 'result' ? message.result : failure(message.message);
    });
    child.on('error', (error) => {
      outcome ??= failure(error.message);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(limitTimer);
      clearTimeout(killTimer);
      resolve(outcome ?? failure(`worker exited with ${signal ?? `code ${code}`} and no result`));
    });
  });
}
