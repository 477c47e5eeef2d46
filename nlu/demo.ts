import type { NluEngine } from '../core/nlu.js';
import { InvalidInputError } from '../core/errors.js';
import type { SupportedLanguage } from './engine.js';
import type { HybridOptions } from './hybrid/index.js';
import { SHOP_INTENTS } from './intents.js';
import { trainNluModel, type EncoderFor } from './model/train.js';
import { loadTrainingFile, type TrainingSet } from './training-format/index.js';

/**
 * Loads the demo shop's training file for a language (`demo-data/<language>.yaml`) and checks
 * that it defines exactly {@link SHOP_INTENTS}.
 *
 * @throws `TrainingDataError` with line and column for a malformed file;
 * {@link InvalidInputError} when its intents differ from the shop's.
 */
export async function loadDemoTrainingSet(language: SupportedLanguage = 'en'): Promise<TrainingSet> {
  const set = await loadTrainingFile(new URL(`./demo-data/${language}.yaml`, import.meta.url).pathname);
  const defined = new Set(set.examples.map((e) => e.intent));
  if (set.outOfScope.length > 0) defined.add('out_of_scope');
  const missing = SHOP_INTENTS.filter((intent) => !defined.has(intent));
  const extra = [...defined].filter((intent) => !(SHOP_INTENTS as readonly string[]).includes(intent));
  if (missing.length > 0 || extra.length > 0 || set.language !== language) {
    throw new InvalidInputError(
      `Demo training data for "${language}" does not match the shop's intents: ` +
        `missing [${missing.join(', ')}], unexpected [${extra.join(', ')}], language "${set.language}"`,
    );
  }
  return set;
}

/** The demo shop's training sets, labelled with their source for model manifests. */
export async function demoTrainingSets(languages: readonly SupportedLanguage[] = ['en', 'zh']): Promise<Array<{ set: TrainingSet; source: string }>> {
  return Promise.all(languages.map(async (language) => ({ set: await loadDemoTrainingSet(language), source: `nlu/demo-data/${language}.yaml` })));
}

/** Options of {@link trainDemoNlu}. */
export interface TrainDemoNluOptions {
  /** @defaultValue ['en', 'zh'] */
  languages?: readonly SupportedLanguage[];
  /** Sentence encoder per language. @defaultValue none: n-gram features only, fast for tests */
  encoderFor?: EncoderFor;
  /** Overrides of the classifier defaults. */
  classifier?: Partial<HybridOptions>;
  signal?: AbortSignal;
}

/**
 * Trains the demo shop's NLU (intents and entities, one model per language) and returns the
 * engine that routes each message to its language's model.
 *
 * @example
 * ```ts
 * const nlu = await trainDemoNlu();
 * const [en, zh] = await nlu.parse(["where's my stuff??", '我的订单到哪了']); // both order_status
 * ```
 */
export async function trainDemoNlu(options: TrainDemoNluOptions = {}): Promise<NluEngine> {
  const model = await trainNluModel({
    sets: await demoTrainingSets(options.languages),
    ...(options.encoderFor === undefined ? {} : { encoderFor: options.encoderFor }),
    ...(options.classifier === undefined ? {} : { classifier: options.classifier }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return model.engine;
}
