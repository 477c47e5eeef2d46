/**
 * The three USE-lite runtimes give the same vectors: our tfjs-wasm and tfjs-cpu paths (ported
 * tokenizer, graph loaded from the package's files) against the engine bundled in
 * `@energetic-ai/embeddings`. Each runtime runs in its own child process because they cannot
 * share one (process-global tfjs engine).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { UseLiteRuntime } from '../../../nlu/encoders/index.js';
import { cosineSimilarity } from '../../../nlu/encoders/index.js';

const TEXTS = [
  'where is my order',
  "where's my parcel?",
  "I'd like to change the delivery address of order #100234 to 12 Baker Street, London",
  'Ünïcödé café — naïve façade 😀',
  'ok',
];

const outputSchema = z.object({ vectors: z.array(z.array(z.number()).length(512)), attempts: z.array(z.string()) });
const child = fileURLToPath(new URL('./use-lite-child.ts', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

async function encodeIn(runtime: UseLiteRuntime): Promise<z.infer<typeof outputSchema>> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', tsx, child, runtime, JSON.stringify(TEXTS)], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const lastLine = stdout.trim().split('\n').at(-1) ?? '';
  return outputSchema.parse(JSON.parse(lastLine));
}

describe('USE-lite runtimes agree', () => {
  it('tfjs-wasm and tfjs-cpu match the bundled @energetic-ai engine (cosine >= 0.999), all offline', async () => {
    const [reference, wasm, cpu] = await Promise.all([encodeIn('energetic'), encodeIn('tfjs-wasm'), encodeIn('tfjs-cpu')]);
    for (const result of [reference, wasm, cpu]) {
      expect(result.vectors).toHaveLength(TEXTS.length);
      expect(result.attempts).toEqual([]);
    }
    TEXTS.forEach((_, i) => {
      const expected = Float32Array.from(reference.vectors[i]!);
      expect(cosineSimilarity(Float32Array.from(wasm.vectors[i]!), expected)).toBeGreaterThanOrEqual(0.999);
      expect(cosineSimilarity(Float32Array.from(cpu.vectors[i]!), expected)).toBeGreaterThanOrEqual(0.999);
    });
  });
});
