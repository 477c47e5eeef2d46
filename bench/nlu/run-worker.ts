import type { BenchArgs } from './cli-args.js';
import { loadBenchDataset } from './datasets/index.js';
import { BenchRunError } from './errors.js';
import { measureSystem } from './measure.js';
import { toJsonLine, type BenchResult } from './result.js';
import { SYSTEMS } from './systems/index.js';

/** The message a worker sends its parent over IPC. */
export type WorkerMessage = { type: 'result'; result: BenchResult } | { type: 'error'; message: string };

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    process.send?.(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Measures one system in this process: loads the dataset, trains, parses, and reports the
 * result to the parent over IPC (or prints its JSON line when run by hand).
 */
export async function runWorker(args: BenchArgs): Promise<void> {
  const factory = SYSTEMS[args.system];
  if (factory === undefined) throw new BenchRunError(`Unknown system ${args.system}`);
  const controller = new AbortController();
  process.once('SIGTERM', () => controller.abort());
  const log = (message: string) => process.stderr.write(`[${args.system}] ${message}\n`);
  try {
    const dataset = await loadBenchDataset({
      dataset: args.dataset,
      trainPath: args.trainPath,
      ...(args.testPath === undefined ? {} : { testPath: args.testPath }),
    });
    const result = await measureSystem({
      system: await factory(),
      dataset,
      signal: controller.signal,
      onProgress: (progress) => log(progress.message),
    });
    if (process.send === undefined) process.stdout.write(`${toJsonLine(result)}\n`);
    else await send({ type: 'result', result });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
    if (process.send !== undefined) await send({ type: 'error', message });
    process.exitCode = 1;
  } finally {
    process.disconnect?.();
  }
}
