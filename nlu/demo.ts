import type { NluEngine } from '../core/nlu.js';
import { InvalidInputError } from '../core/errors.js';
import { createNluEngine, type SupportedLanguage } from './engine.js';
import { createDefaultExtractors } from './extractors/index.js';
import { SHOP_INTENTS } from './intents.js';
import { TfidfLogRegClassifier, type TfidfLogRegOptions } from './tfidf-logreg-classifier.js';
import { loadTrainingDataFile, toTrainingExamples, type TrainingData } from './training-data.js';

/**
 * Loads the demo shop's training data for a language and checks that it defines exactly
 * {@link SHOP_INTENTS}.
 *
 * @throws {@link InvalidInputError} when the file is invalid or its intents differ.
 */
export async function loadDemoTrainingData(language: SupportedLanguage = 'en'): Promise<TrainingData> {
  const data = await loadTrainingDataFile(new URL(`./demo-data/${language}.json`, import.meta.url));
  const defined = new Set(Object.keys(data.intents));
  const missing = SHOP_INTENTS.filter((intent) => !defined.has(intent));
  const extra = [...defined].filter((intent) => !(SHOP_INTENTS as readonly string[]).includes(intent));
  if (missing.length > 0 || extra.length > 0 || data.language !== language) {
    throw new InvalidInputError(
      `Demo training data for "${language}" does not match the shop's intents: ` +
        `missing [${missing.join(', ')}], unexpected [${extra.join(', ')}], language "${data.language}"`,
    );
  }
  return data;
}

/** Options of {@link trainDemoNlu}. */
export interface TrainDemoNluOptions {
  /** @defaultValue 'en' */
  language?: SupportedLanguage;
  /** Overrides of the classifier defaults. */
  classifier?: Partial<TfidfLogRegOptions>;
  signal?: AbortSignal;
}

/**
 * Loads the demo shop's training data, trains the TF-IDF + logistic regression classifier
 * and returns an engine with the default extractors.
 *
 * @example
 * ```ts
 * const nlu = await trainDemoNlu();
 * const [result] = await nlu.parse(["where's my stuff??"]); // order_status
 * ```
 */
export async function trainDemoNlu(options: TrainDemoNluOptions = {}): Promise<NluEngine> {
  const language = options.language ?? 'en';
  const data = await loadDemoTrainingData(language);
  const classifier = new TfidfLogRegClassifier(options.classifier);
  await classifier.train(toTrainingExamples(data), { signal: options.signal });
  return createNluEngine({ classifier, extractors: createDefaultExtractors(), language });
}
