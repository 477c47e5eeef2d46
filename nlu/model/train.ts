import { readFileSync } from 'node:fs';
import type { Encoder } from '../../core/encoder.js';
import { InvalidInputError } from '../../core/errors.js';
import type { NluEngine, TrainingExample } from '../../core/nlu.js';
import { createNluEngine } from '../engine.js';
import type { CatalogueItem } from '../entities/catalogue-gazetteer.js';
import { trainShopEntityExtractor, type ShopEntityModel } from '../entities/shop-entity-model.js';
import { HYBRID_FORMAT, HYBRID_FORMAT_VERSION } from '../hybrid/model-format.js';
import { HybridIntentClassifier, type HybridOptions } from '../hybrid/index.js';
import { createMultilingualNlu } from '../multilingual.js';
import type { TrainingLanguage, TrainingSet } from '../training-format/types.js';
import { hashTrainingSet } from './data-hash.js';
import { NLU_MODEL_FORMAT, NLU_MODEL_FORMAT_VERSION, type NluManifest, type NluManifestLanguage } from './manifest.js';

/** The encoder a language's classifier uses, or none (n-gram features only). */
export type EncoderFor = (language: TrainingLanguage) => Promise<Encoder | undefined>;

/** One language's trained parts. */
export interface LanguageModel {
  language: TrainingLanguage;
  classifier: HybridIntentClassifier;
  entities: ShopEntityModel;
  entry: NluManifestLanguage;
}

/** A trained or loaded NLU: its parts, its manifest, and the engine the bot calls. */
export interface NluModel {
  manifest: NluManifest;
  languages: LanguageModel[];
  engine: NluEngine;
}

/** Options of {@link trainNluModel}. */
export interface TrainNluModelOptions {
  /** One training set per language, with where it came from (recorded in the manifest). */
  sets: ReadonlyArray<{ set: TrainingSet; source: string }>;
  /** @defaultValue no encoder for any language */
  encoderFor?: EncoderFor;
  /** The shop's products, for the catalogue gazetteer. */
  catalogue?: readonly CatalogueItem[];
  now?: () => Date;
  classifier?: Partial<HybridOptions>;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
}

const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? '0.0.0';

/** Intent examples of a training set, with its out-of-scope examples as the `out_of_scope` class. */
export function intentExamples(set: TrainingSet, outOfScopeIntent = 'out_of_scope'): TrainingExample[] {
  return [...set.examples.map((e) => ({ text: e.text, intent: e.intent })), ...set.outOfScope.map((e) => ({ text: e.text, intent: outOfScopeIntent }))];
}

/**
 * Trains the intent classifier and the entity extractor of every language given, and wires
 * them into one engine that routes each message by its language.
 *
 * @throws {@link InvalidInputError} when two sets share a language or none is given.
 */
export async function trainNluModel(options: TrainNluModelOptions): Promise<NluModel> {
  const seen = new Set<string>();
  for (const { set } of options.sets) {
    if (seen.has(set.language)) throw new InvalidInputError(`Two training sets for language "${set.language}"; give one per language`);
    seen.add(set.language);
  }
  if (options.sets.length === 0) throw new InvalidInputError('No training data given');
  const languages: LanguageModel[] = [];
  for (const { set, source } of options.sets) {
    languages.push(await trainLanguage(set, source, options));
  }
  return assembleModel(languages, new Date().toISOString());
}

async function trainLanguage(set: TrainingSet, source: string, options: TrainNluModelOptions): Promise<LanguageModel> {
  const say = (message: string) => options.onProgress?.(`[${set.language}] ${message}`);
  const started = performance.now();
  const encoder = await options.encoderFor?.(set.language);
  const classifier = new HybridIntentClassifier(options.classifier ?? {}, encoder);
  const examples = intentExamples(set, classifier.options.outOfScopeIntent);
  say(`intents: ${examples.length} examples of ${new Set(examples.map((e) => e.intent)).size} intents from ${source}${encoder === undefined ? '' : ` with ${encoder.id}`}`);
  await classifier.train(examples, {
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onProgress: ({ message }) => say(message),
  });
  say('entities: training the slot tagger');
  const entities = await trainShopEntityExtractor({
    set,
    ...(options.catalogue === undefined ? {} : { catalogue: options.catalogue }),
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const trainSeconds = (performance.now() - started) / 1000;
  say(`done in ${trainSeconds.toFixed(1)} s`);
  return { language: set.language, classifier, entities, entry: manifestEntry({ set, source, classifier, trainSeconds }) };
}

function manifestEntry(input: { set: TrainingSet; source: string; classifier: HybridIntentClassifier; trainSeconds: number }): NluManifestLanguage {
  const { set, classifier } = input;
  // The summary, not persist(): that would base64 every weight and neighbour just to read a few numbers.
  const summary = classifier.summary;
  const { options } = classifier;
  return {
    language: set.language,
    data: { source: input.source, sha256: hashTrainingSet(set), examples: set.examples.length, outOfScopeExamples: set.outOfScope.length },
    intents: [...classifier.labels],
    entityTypes: [...new Set(set.examples.flatMap((e) => e.entities.map((x) => x.type)).concat(set.lookups.map((l) => l.type)))].sort(),
    featureSet: {
      tfidf: { wordNgrams: [1, 2], charNgrams: [options.charNgramMin, options.charNgramMax] },
      encoder: summary.encoder,
      embeddingWeight: options.embeddingWeight,
      knnWeight: summary.neighbours ? options.knnWeight : 0,
      entityTagger: 'averaged-perceptron linear-chain CRF + recognizers + gazetteers',
    },
    metrics: {
      validationExamples: summary.training.validationExamples,
      validationAccuracy: summary.training.validationAccuracy,
      bestEpoch: summary.training.bestEpoch,
      temperature: summary.temperature,
      outOfScopeThreshold: summary.outOfScopeThreshold,
      trainSeconds: Math.round(input.trainSeconds * 10) / 10,
    },
    files: { intents: `${set.language}/intents.json`, entities: `${set.language}/entities.json` },
  };
}

/** Builds the manifest and the routing engine from trained or loaded languages. */
export function assembleModel(languages: LanguageModel[], createdAt: string): NluModel {
  const engines = Object.fromEntries(
    languages.map((l) => [l.language, createNluEngine({ classifier: l.classifier, extractors: [l.entities], language: l.language })]),
  );
  const fallback = languages.some((l) => l.language === 'en') ? 'en' : (languages[0]?.language ?? 'en');
  return {
    languages,
    engine: createMultilingualNlu({ engines, fallback }),
    manifest: {
      format: NLU_MODEL_FORMAT,
      version: NLU_MODEL_FORMAT_VERSION,
      createdAt,
      versions: { counterpart: PACKAGE_VERSION, node: process.version, intentModel: `${HYBRID_FORMAT}@${HYBRID_FORMAT_VERSION}`, entityModel: 'shop-entity-extractor@1' },
      languages: languages.map((l) => l.entry),
    },
  };
}
