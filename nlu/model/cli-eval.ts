import path from 'node:path';
import type { NluEngine, ParseResult } from '../../core/nlu.js';
import { HYBRID_DEFAULTS } from '../hybrid/index.js';
import { loadTrainingFile, type TrainingSet } from '../training-format/index.js';
import { openSavedModel } from './cli-model.js';
import { hashTrainingSet } from './data-hash.js';
import { evalReportJson, formatEvalReport, type EvalReport } from './eval-format.js';
import { evaluateEntities, evaluateIntents, type EntityEvaluation, type IntentEvaluation } from './evaluate.js';
import type { NluManifest } from './manifest.js';
import { intentExamples } from './train.js';

/** Texts per `engine.parse` call: large enough for batched encoders, small enough for steady progress. */
const EVAL_BATCH_SIZE = 64;

/** Options of {@link runEval}. */
export interface RunEvalOptions {
  dir: string;
  data: string;
  json: boolean;
  /** Folder of the ONNX encoder the model was trained with, if it was. */
  onnxModelDir?: string | undefined;
  onProgress: (message: string) => void;
}

/** `eval`: parses every example of a training-format file with the saved model and scores it. */
export async function runEval(options: RunEvalOptions): Promise<string> {
  const set = await loadTrainingFile(options.data);
  const opened = await openSavedModel(options.dir, options.onnxModelDir === undefined ? {} : { onnxModelDir: options.onnxModelDir });
  try {
    const { manifest, engine } = opened.model;
    if (!manifest.languages.some((l) => l.language === set.language)) {
      options.onProgress(`the model has no "${set.language}" part; its other languages answer instead`);
    }
    const report = await evaluateSet({ engine, set, onProgress: options.onProgress });
    const full: EvalReport = {
      model: path.resolve(options.dir),
      data: { file: options.data, language: set.language, examples: set.examples.length, outOfScopeExamples: set.outOfScope.length },
      trainingData: isTrainingData(manifest, set),
      ...report,
    };
    return options.json ? evalReportJson(full) : formatEvalReport(full);
  } finally {
    await opened.dispose();
  }
}

/**
 * Parses a set's examples and out-of-scope examples in batches and scores intents and entities.
 *
 * @remarks Entities are scored on the intent examples only: out-of-scope examples keep their
 * text but not their annotations, so a correctly found date in one would count as a false positive.
 */
async function evaluateSet(options: {
  engine: NluEngine;
  set: TrainingSet;
  onProgress?: (message: string) => void;
}): Promise<{ intents: IntentEvaluation; entities: EntityEvaluation }> {
  const { set } = options;
  const outOfScope = HYBRID_DEFAULTS.outOfScopeIntent;
  const examples = intentExamples(set, outOfScope);
  const results: ParseResult[] = [];
  for (let start = 0; start < examples.length; start += EVAL_BATCH_SIZE) {
    const batch = examples.slice(start, start + EVAL_BATCH_SIZE);
    results.push(...(await options.engine.parse(batch.map((e) => e.text))));
    options.onProgress?.(`parsed ${results.length}/${examples.length}`);
  }
  return {
    intents: evaluateIntents({ gold: examples.map((e) => e.intent), predicted: results.map((r) => r.intents[0]?.name ?? outOfScope) }),
    entities: evaluateEntities({
      gold: set.examples.map((e) => e.entities),
      predicted: results.slice(0, set.examples.length).map((r) => r.entities),
    }),
  };
}

function isTrainingData(manifest: NluManifest, set: TrainingSet): boolean {
  return manifest.languages.some((l) => l.language === set.language && l.data.sha256 === hashTrainingSet(set));
}
