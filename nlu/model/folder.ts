import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import type { CatalogueItem } from '../entities/catalogue-gazetteer.js';
import { loadShopEntityExtractor } from '../entities/shop-entity-model.js';
import { HybridIntentClassifier } from '../hybrid/index.js';
import { MANIFEST_FILE, parseNluManifest, type NluManifest } from './manifest.js';
import { assembleModel, type EncoderFor, type LanguageModel, type NluModel } from './train.js';

/**
 * Writes a model folder: `manifest.json` plus `<language>/intents.json` and
 * `<language>/entities.json`.
 *
 * @remarks Written to a sibling temporary folder and renamed into place, so a crash mid-write
 * never leaves a half-written model where the server would load it.
 */
export async function saveNluModel(model: NluModel, dir: string): Promise<void> {
  const target = path.resolve(dir);
  const staging = `${target}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(staging, { recursive: true });
  try {
    for (const language of model.languages) {
      await mkdir(path.join(staging, language.language), { recursive: true });
      await writeFile(path.join(staging, language.entry.files.intents), JSON.stringify(language.classifier.persist()));
      await writeFile(path.join(staging, language.entry.files.entities), JSON.stringify(language.entities.persist()));
    }
    await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(model.manifest, null, 2)}\n`);
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The folder's manifest, or `undefined` when the folder or its manifest does not exist. */
export async function readNluManifest(dir: string): Promise<NluManifest | undefined> {
  const file = path.join(path.resolve(dir), MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseNluManifest(parseJson(text, file), file);
}

/** Options of {@link loadNluModel}. */
export interface LoadNluModelOptions {
  /** Must give each language the encoder it was trained with (checked by id and dimension). */
  encoderFor?: EncoderFor;
  /** Current products; replaces the catalogue stored at training time. */
  catalogue?: readonly CatalogueItem[];
  now?: () => Date;
}

/**
 * Loads a model folder written by {@link saveNluModel}; it predicts exactly as the saved model.
 *
 * @throws {@link NotFoundError} when the folder has no manifest; {@link InvalidInputError} when a
 * file is malformed or an encoder differs from the one the model was trained with.
 */
export async function loadNluModel(dir: string, options: LoadNluModelOptions = {}): Promise<NluModel> {
  const manifest = await readNluManifest(dir);
  if (manifest === undefined) throw new NotFoundError(`NLU model folder ${path.resolve(dir)} (no ${MANIFEST_FILE})`);
  const languages: LanguageModel[] = [];
  for (const entry of manifest.languages) {
    const encoder = entry.featureSet.encoder === null ? undefined : await options.encoderFor?.(entry.language);
    const intentsFile = path.join(path.resolve(dir), entry.files.intents);
    const entitiesFile = path.join(path.resolve(dir), entry.files.entities);
    const classifier = HybridIntentClassifier.load(parseJson(await readFile(intentsFile, 'utf8'), intentsFile), encoder);
    const entities = loadShopEntityExtractor(parseJson(await readFile(entitiesFile, 'utf8'), entitiesFile), {
      ...(options.catalogue === undefined ? {} : { catalogue: options.catalogue }),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    languages.push({ language: entry.language, classifier, entities, entry });
  }
  const loaded = assembleModel(languages, manifest.createdAt);
  return { ...loaded, manifest };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}
