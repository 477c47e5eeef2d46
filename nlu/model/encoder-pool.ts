import type { Encoder } from '../../core/encoder.js';
import { InvalidInputError } from '../../core/errors.js';
import { createHashedNgramEncoder, createOnnxEncoder, createUseLiteEncoder, withCache, type HashedNgramEncoderOptions } from '../encoders/index.js';
import type { TrainingLanguage } from '../training-format/index.js';
import type { NluManifest } from './manifest.js';
import type { EncoderFor } from './train.js';

/** Encoders `npm run nlu -- train --encoder` and the server's `NLU_ENCODER` offer. */
export const ENCODER_CHOICES = ['use-lite', 'onnx', 'hashed', 'none'] as const;
export type EncoderChoice = (typeof ENCODER_CHOICES)[number];

/** Dimension of the hashed encoder the CLI trains with: small enough for the intent head to train fast. */
const CLI_HASHED_DIMENSION = 512;

/** An {@link EncoderFor} whose encoders are created on first use, and disposed together. */
export interface EncoderPool {
  encoderFor: EncoderFor;
  dispose(): Promise<void>;
}

/** Describes how to build one encoder; equal keys share one instance. */
interface EncoderRecipe {
  key: string;
  create: () => Promise<Encoder>;
}

// Every encoder gets the in-memory cache: chat repeats short texts ("yes", "thanks") all day.
const USE_LITE: EncoderRecipe = { key: 'use-lite', create: async () => withCache(await createUseLiteEncoder()) };

function hashed(options: HashedNgramEncoderOptions): EncoderRecipe {
  return { key: `hashed:${JSON.stringify(options)}`, create: async () => withCache(createHashedNgramEncoder(options)) };
}

function onnx(modelDir: string): EncoderRecipe {
  return { key: `onnx:${modelDir}`, create: async () => withCache(await createOnnxEncoder({ modelDir, pooling: 'mean' })) };
}

/** Memoises encoders by recipe, so a language pair sharing one encoder loads it once. */
function createPool(recipeFor: (language: TrainingLanguage) => EncoderRecipe | undefined): EncoderPool {
  const created = new Map<string, Promise<Encoder>>();
  return {
    async encoderFor(language) {
      const recipe = recipeFor(language);
      if (recipe === undefined) return undefined;
      const encoder = created.get(recipe.key) ?? recipe.create();
      created.set(recipe.key, encoder);
      return encoder;
    },
    async dispose() {
      const settled = await Promise.allSettled(created.values());
      for (const result of settled) if (result.status === 'fulfilled') await result.value.dispose?.();
    },
  };
}

/**
 * The encoders `train --encoder <choice>` gives each language.
 *
 * @remarks USE-lite only reads English, so other languages train on n-gram features alone
 * rather than on vectors that carry no meaning for them.
 */
export function encodersForTraining(choice: EncoderChoice, options: { onnxModelDir?: string } = {}): EncoderPool {
  if (choice === 'use-lite') return createPool((language) => (language === 'en' ? USE_LITE : undefined));
  if (choice === 'onnx') {
    if (options.onnxModelDir === undefined) throw new InvalidInputError('The onnx encoder needs a model folder (ONNX_MODEL_DIR)');
    // A multilingual transformer serves every language.
    return createPool(() => onnx(options.onnxModelDir as string));
  }
  if (choice === 'hashed') return createPool(() => hashed({ dimension: CLI_HASHED_DIMENSION }));
  return createPool(() => undefined);
}

/**
 * The encoders a saved model was trained with, rebuilt from its manifest.
 *
 * @throws {@link InvalidInputError} when an encoder id is not one this tool can rebuild.
 */
export function encodersForManifest(manifest: NluManifest, options: { onnxModelDir?: string } = {}): EncoderPool {
  const recipes = new Map<TrainingLanguage, EncoderRecipe | undefined>();
  for (const entry of manifest.languages) {
    const encoder = entry.featureSet.encoder;
    recipes.set(entry.language, encoder === null ? undefined : recipeForId({ ...encoder, language: entry.language }, options.onnxModelDir));
  }
  return createPool((language) => recipes.get(language));
}

function recipeForId(encoder: { id: string; dimension: number; language: string }, onnxModelDir: string | undefined): EncoderRecipe {
  if (encoder.id.startsWith('use-lite')) return USE_LITE;
  // Any other id is a transformer's; loading checks that the folder given is the same model.
  if (!encoder.id.startsWith('hashed') && onnxModelDir !== undefined) return onnx(onnxModelDir);
  const options = encoder.id.startsWith('hashed') ? parseHashedNgramId(encoder.id) : undefined;
  if (options === undefined || options.dimension !== encoder.dimension) {
    throw new InvalidInputError(
      `The "${encoder.language}" model uses encoder ${encoder.id} (${encoder.dimension}-d), which this tool cannot rebuild; for an ONNX model pass --onnx-model-dir`,
    );
  }
  return hashed(options);
}

// `hashed-ngram@1:d512:c2-4:zc1-3:w1-2:cw1:s0:auto`, as `hashedNgramId` in nlu/encoders writes it.
const HASHED_ID = /^hashed-ngram@1:d(\d+):c(\d+)-(\d+):zc(\d+)-(\d+):w(\d+)-(\d+):cw([0-9.e+-]+):s(\d+):(.+)$/;

/**
 * The options that reproduce a hashed n-gram encoder from its id, or `undefined` for another format.
 *
 * @remarks The id holds every setting that changes the vectors, so the full set is rebuilt rather
 * than the dimension alone: a model trained with other n-gram ranges still loads.
 */
export function parseHashedNgramId(id: string): HashedNgramEncoderOptions | undefined {
  const match = HASHED_ID.exec(id);
  if (match === null) return undefined;
  const [dimension, c1, c2, zc1, zc2, w1, w2, charWeight, seed] = match.slice(1, 10).map(Number) as number[];
  return {
    dimension,
    charNgrams: [c1 as number, c2 as number],
    chineseCharNgrams: [zc1 as number, zc2 as number],
    wordNgrams: [w1 as number, w2 as number],
    charWeight,
    seed,
    language: match[10] as string,
  };
}
