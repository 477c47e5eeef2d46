/**
 * `npm run bench:retrieval`: the StackFAQ retrieval benchmark and the HNSW vector-index
 * benchmark (TEXMEX .fvecs/.ivecs or a synthetic set). Progress goes to stderr; the result
 * table and, as the last line, one JSON object go to stdout.
 */
import { isCounterpartError } from '../../core/errors.js';
import { createHashedNgramEncoder, createUseLiteEncoder, withCache } from '../../nlu/encoders/index.js';
import { runAnn } from './ann.js';
import { parseBenchArgs, USAGE } from './args.js';
import { writeSplit } from './stackfaq-data.js';
import { runStackFaq } from './stackfaq.js';

const log = (line: string): void => { process.stdout.write(`${line}\n`); };
const progress = (line: string): void => { process.stderr.write(`${line}\n`); };

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.kind === 'split') {
    const counts = await writeSplit({ queries: args.queries, outDir: args.outDir, every: args.every });
    log(JSON.stringify({ out_dir: args.outDir, ...counts }));
    return;
  }
  if (args.kind === 'ann') {
    log(JSON.stringify(await runAnn({ ...args, log, progress })));
    return;
  }
  const inner = args.encoder === 'use-lite' ? await createUseLiteEncoder() : createHashedNgramEncoder({ dimension: 1024 });
  const encoder = withCache(inner, { maxEntries: 100_000 });
  try {
    log(JSON.stringify(await runStackFaq({ corpus: args.corpus, queries: args.queries, train: args.train, encoder, log: progress })));
  } finally {
    await inner.dispose?.();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${isCounterpartError(error) ? error.message : String(error)}\n${isCounterpartError(error) && error.code === 'invalid_input' ? `\n${USAGE}\n` : ''}`);
  process.exitCode = 1;
});
