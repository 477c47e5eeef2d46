/**
 * `npm run kb -- <command>`: knowledge-base administration from the command line.
 *
 *   ingest <folder> [--index-dir data/kb] [--url-base /help]   ingest (or refresh) a folder of documents
 *   search <query>  [--index-dir data/kb] [--k 5]              show the fused ranking for a query
 *   answer <question> [--index-dir data/kb]                    show the answer the bot would give
 *
 * Uses the USE-lite encoder. Progress goes to stderr, results to stdout.
 */
import { parseArgs } from 'node:util';
import { InvalidInputError, isCounterpartError } from '../core/errors.js';
import { createUseLiteEncoder } from '../nlu/encoders/index.js';
import { createKnowledgeBase } from './knowledge-base.js';
import type { IngestProgress } from './types.js';

const USAGE = `Usage: npm run kb -- ingest <folder> [--index-dir data/kb] [--url-base /help]
       npm run kb -- search <query> [--index-dir data/kb] [--k 5]
       npm run kb -- answer <question> [--index-dir data/kb]`;

/** Draws `[#####.....] 3/8 file` on one line when stderr is a terminal, else one line per file. */
function progressBar(stream: NodeJS.WriteStream): (progress: IngestProgress) => void {
  const width = 30;
  return ({ done, total, file }) => {
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${file}`;
    if (stream.isTTY) stream.write(`\r${line.padEnd(stream.columns ? stream.columns - 1 : 100)}${done === total ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };
}

async function main(argv: readonly string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { 'index-dir': { type: 'string', default: 'data/kb' }, 'url-base': { type: 'string' }, k: { type: 'string', default: '5' } },
  });
  const [command, ...rest] = positionals;
  const argument = rest.join(' ').trim();
  if (!command || !['ingest', 'search', 'answer'].includes(command) || argument.length === 0) throw new InvalidInputError(USAGE);
  const started = performance.now();
  const encoder = await createUseLiteEncoder();
  const kb = await createKnowledgeBase({ dir: values['index-dir'], encoder });
  try {
    if (command === 'ingest') {
      const result = await kb.ingestFolder(argument, { onProgress: progressBar(process.stderr), urlBase: values['url-base'] });
      for (const error of result.errors) process.stderr.write(`skipped ${error.fileName}: ${error.message}\n`);
      const sum = (key: 'added' | 'updated' | 'removed' | 'unchanged') => result.results.reduce((n, r) => n + r[key], 0);
      process.stdout.write(`${JSON.stringify({
        documents: result.results.length, chunks: { added: sum('added'), updated: sum('updated'), removed: sum('removed'), unchanged: sum('unchanged') },
        deleted_documents: result.deleted, skipped: result.errors.length, index: kb.stats(), seconds: Math.round((performance.now() - started) / 100) / 10,
      })}\n`);
      if (result.errors.length > 0) process.exitCode = 2;
    } else if (command === 'search') {
      const k = Number(values.k);
      for (const hit of await kb.search(argument, { k: Number.isInteger(k) && k > 0 ? k : 5 })) {
        process.stdout.write(`${hit.confidence.toFixed(2)}  bm25 #${hit.bm25?.rank ?? '-'}  vector #${hit.vector?.rank ?? '-'}  ${hit.titlePath.join(' › ')}\n`);
      }
    } else {
      process.stdout.write(`${JSON.stringify(await kb.answer(argument), null, 2)}\n`);
    }
  } finally {
    await kb.close();
    await encoder.dispose?.();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${isCounterpartError(error) ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
