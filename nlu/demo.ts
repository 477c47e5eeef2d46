import type { NluEngine, TrainingExample } from '../core/nlu.js';
import { InvalidInputError } from '../core/errors.js';
import { createNluEngine, type SupportedLanguage } from './engine.js';
import { createDefaultExtractors } from './extractors/index.js';
import { SHOP_INTENTS } from './intents.js';
import { createMultilingualNlu } from './multilingual.js';
import { TfidfLogRegClassifier, type TfidfLogRegOptions } from './tfidf-logreg-classifier.js';
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

/** Intent examples of a training set, with its out-of-scope examples as the `out_of_scope` class. */
export function intentExamples(set: TrainingSet): TrainingExample[] {
  return [
    ...set.examples.map((e) => ({ text: e.text, intent: e.intent })),
    ...set.outOfScope.map((e) => ({ text: e.text, intent: 'out_of_scope' })),
  ];
}

/** Options of {@link trainDemoNlu}. */
export interface TrainDemoNluOptions {
  /** @defaultValue ['en', 'zh'] */
  languages?: readonly SupportedLanguage[];
  /** Overrides of the classifier defaults. */
  classifier?: Partial<TfidfLogRegOptions>;
  signal?: AbortSignal;
}

/**
 * Trains one engine per language on the demo shop's data and routes each message to its
 * language's engine.
 *
 * @example
 * ```ts
 * const nlu = await trainDemoNlu();
 * const [en, zh] = await nlu.parse(["where's my stuff??", '我的订单到哪了']); // both order_status
 * ```
 */
export async function trainDemoNlu(options: TrainDemoNluOptions = {}): Promise<NluEngine> {
  const languages = options.languages ?? ['en', 'zh'];
  const engines: Partial<Record<SupportedLanguage, NluEngine>> = {};
  for (const language of languages) {
    const set = await loadDemoTrainingSet(language);
    const classifier = new TfidfLogRegClassifier(options.classifier);
    await classifier.train(intentExamples(set), { signal: options.signal });
    engines[language] = createNluEngine({ classifier, extractors: createDefaultExtractors(), language });
  }
  return createMultilingualNlu({ engines, fallback: languages[0] ?? 'en' });
}
