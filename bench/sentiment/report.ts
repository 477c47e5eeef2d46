import type { SentimentBenchResult } from './run.js';

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

/** The human-readable report, ending with the one-line JSON summary. */
export function formatSentimentReport(result: SentimentBenchResult): string {
  const { scores } = result;
  const width = Math.max(10, ...scores.classes.map((c) => c.length + 2));
  const pad = (s: string | number) => String(s).padStart(width);
  const lines = [
    `dataset     ${result.dataset}`,
    `evaluated   ${result.evaluatedOn}`,
    `encoder     ${result.encoder}`,
    `train/test  ${result.train} / ${result.test} examples (training ${result.trainSeconds.toFixed(1)} s; validation accuracy ${result.validationAccuracy === null ? 'n/a' : pct(result.validationAccuracy)})`,
    `accuracy    ${pct(scores.accuracy)}`,
    `macro F1    ${pct(scores.macroF1)}`,
    ...scores.perClass.map((c) => `  ${c.label.padEnd(9)} precision ${pct(c.precision)}  recall ${pct(c.recall)}  F1 ${pct(c.f1)}  (${c.support})`),
    `confusion (rows gold, columns predicted)`,
    `${pad('')}${scores.classes.map(pad).join('')}`,
    ...scores.classes.map((c, i) => `${pad(c)}${(scores.confusion[i] ?? []).map(pad).join('')}`),
    `p50 latency ${result.p50Ms.toFixed(2)} ms per message (one message per call)`,
    `neutral band ±${result.band.width}: ${pct(result.band.neutralShare)} labelled neutral, accuracy on the rest ${pct(result.band.accuracyOutside)}`,
    JSON.stringify({
      dataset: result.dataset,
      accuracy: round(scores.accuracy, 4),
      macro_f1: round(scores.macroF1, 4),
      p50_ms: round(result.p50Ms, 3),
      train: result.train,
      test: result.test,
      seconds: round(result.seconds, 1),
      encoder: result.encoder,
      evaluated_on: result.evaluatedOn,
    }),
  ];
  return `${lines.join('\n')}\n`;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
