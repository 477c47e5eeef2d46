import type { ParseResult } from '../../core/nlu.js';
import { openSavedModel } from './cli-model.js';

/** Intents `parse` shows; the rest of the ranking is noise to a person reading it. */
const TOP_INTENTS = 5;

/** `parse`: what the saved model in `dir` makes of `text`, as the JSON to print. */
export async function runParse(options: { dir: string; text: string; onnxModelDir?: string }): Promise<string> {
  const opened = await openSavedModel(options.dir, options.onnxModelDir === undefined ? {} : { onnxModelDir: options.onnxModelDir });
  try {
    const [result] = await opened.model.engine.parse([options.text]);
    return JSON.stringify(result === undefined ? null : forDisplay(result), null, 2);
  } finally {
    await opened.dispose();
  }
}

function forDisplay(result: ParseResult): ParseResult {
  return {
    ...result,
    intents: result.intents.slice(0, TOP_INTENTS).map((intent) => ({ ...intent, confidence: Math.round(intent.confidence * 1e4) / 1e4 })),
  };
}
