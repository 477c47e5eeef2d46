/**
 * What `encoder-speed.ts` measures: the encoder variants, the sentences and the result shape
 * shared by the parent and its worker processes.
 */
import { z } from 'zod';
import type { Encoder } from '../../core/encoder.js';
import { createHashedNgramEncoder, createUseLiteEncoder } from '../../nlu/encoders/index.js';

export const VARIANTS = ['use-lite/energetic', 'use-lite/tfjs-wasm', 'use-lite/tfjs-cpu', 'hashed-ngram'] as const;
export type Variant = (typeof VARIANTS)[number];

/** The reference every variant's vectors are compared with (cosine). */
export const REFERENCE_VARIANT: Variant = 'use-lite/energetic';

/** Builds the encoder of a variant; `maxBatchSize` as the library default unless given. */
export async function createVariant(options: { variant: Variant; maxBatchSize?: number }): Promise<Encoder> {
  switch (options.variant) {
    case 'use-lite/energetic':
      return createUseLiteEncoder({ runtime: 'energetic', maxBatchSize: options.maxBatchSize });
    case 'use-lite/tfjs-wasm':
      return createUseLiteEncoder({ runtime: 'tfjs-wasm', maxBatchSize: options.maxBatchSize });
    case 'use-lite/tfjs-cpu':
      return createUseLiteEncoder({ runtime: 'tfjs-cpu', maxBatchSize: options.maxBatchSize });
    case 'hashed-ngram':
      return createHashedNgramEncoder();
  }
}

/** Customer-service messages of typical lengths (3–25 words), cycled through by the benchmark. */
export const SENTENCES = [
  'where is my order',
  'hi',
  'I want to cancel order 100234 please',
  'can you change the delivery address of my last order to 12 Baker Street, London?',
  'the jacket I bought is too small, how do I return it and get a refund',
  'what is your returns policy for sale items',
  'my parcel says delivered but I never got it and the neighbours have not seen it either',
  'do you ship to Canada',
  'is the blue hoodie back in stock in size M',
  'thanks, that was helpful!',
  'I was charged twice for the same order, can you check what happened',
  'talk to a human',
];

/** Compared across variants for correctness. */
export const PARITY_TEXTS = ['where is my order', "where's my parcel?", "what's the weather", SENTENCES[4] ?? '', 'Ünïcödé café 😀'];

/** `count` sentences from the pool, each made unique so no layer can cache them. */
export function batchOf(count: number, round: number): string[] {
  return Array.from({ length: count }, (_, i) => `${SENTENCES[i % SENTENCES.length] ?? ''} (${round}.${i})`);
}

export const workerResultSchema = z.object({
  variant: z.enum(VARIANTS),
  loadMs: z.number(),
  rssAfterLoadMb: z.number(),
  peakRssMb: z.number(),
  singleP50Ms: z.number(),
  singleP95Ms: z.number(),
  /** CPU time (user + system) of one single-sentence call: robust to a busy machine for single-threaded runtimes. */
  singleCpuP50Ms: z.number(),
  singleRuns: z.number().int(),
  batch32PerSecond: z.number(),
  batch32PerCpuSecond: z.number(),
  batch128PerSecond: z.number(),
  batch128PerCpuSecond: z.number(),
  parityVectors: z.array(z.array(z.number())),
});
export type WorkerResult = z.infer<typeof workerResultSchema>;
