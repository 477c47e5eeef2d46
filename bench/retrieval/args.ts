import { parseArgs } from 'node:util';
import { InvalidInputError } from '../../core/errors.js';

export const USAGE = `Usage:
  npm run bench:retrieval -- --dataset stackfaq --corpus <corpus.jsonl> --queries <queries.jsonl> [--train <queries.jsonl>]
  npm run bench:retrieval -- --ann --base <base.fvecs> --queries <query.fvecs> [--groundtruth <gt.ivecs>] [--out <result.ivecs>]
  npm run bench:retrieval -- --ann --synthetic <N> [--data-dir <dir>] [--out <result.ivecs>]
  npm run bench:retrieval -- --split-stackfaq <queries.jsonl> --out-dir <dir> [--every 4]

  --train        queries mapped to FAQ entries: stored as extra example questions and used (in two
                 folds) to tune the fusion and the no-answer threshold; never the --queries file
  --encoder      use-lite (default) or hashed
  --ef           efSearch values to sweep (comma-separated; the shipped value is always included)
  --M, --ef-construction   HNSW build parameters (default: the shipped ones)
  --synthetic    write N 512-d vectors and 1,000 queries (seeded Gaussian mixture) to --data-dir, then run --ann
  --split-stackfaq  writes train.jsonl/test.jsonl: every --every-th rephrasing of a thread goes to test`;

/** The parsed command line. */
export type BenchArgs =
  | { kind: 'stackfaq'; corpus: string; queries: string; train?: string; encoder: 'use-lite' | 'hashed' }
  | { kind: 'ann'; base?: string; queries?: string; groundtruth?: string; out?: string; synthetic?: number; dataDir: string; ef: number[]; M?: number; efConstruction?: number; seed: number }
  | { kind: 'split'; queries: string; outDir: string; every: number };

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidInputError(`--${name} must be a positive integer`);
  return n;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      dataset: { type: 'string' }, corpus: { type: 'string' }, queries: { type: 'string' }, train: { type: 'string' },
      encoder: { type: 'string', default: 'use-lite' },
      ann: { type: 'boolean', default: false }, base: { type: 'string' }, groundtruth: { type: 'string' }, out: { type: 'string' },
      synthetic: { type: 'string' }, 'data-dir': { type: 'string', default: 'data/bench/synthetic' }, ef: { type: 'string' },
      M: { type: 'string' }, 'ef-construction': { type: 'string' }, seed: { type: 'string', default: '42' },
      'split-stackfaq': { type: 'string' }, 'out-dir': { type: 'string' }, every: { type: 'string', default: '4' },
    },
    strict: true,
  });
  if (values['split-stackfaq'] !== undefined) {
    if (values['out-dir'] === undefined) throw new InvalidInputError('--split-stackfaq needs --out-dir');
    return { kind: 'split', queries: values['split-stackfaq'], outDir: values['out-dir'], every: positiveInt(values.every, 'every') ?? 4 };
  }
  if (values.ann || values.synthetic !== undefined) {
    const synthetic = positiveInt(values.synthetic, 'synthetic');
    if (synthetic === undefined && (values.base === undefined || values.queries === undefined)) throw new InvalidInputError('--ann needs --base and --queries, or --synthetic N');
    const ef = (values.ef ?? '10,16,24,32,48,64,96,128,200').split(',').map((v) => positiveInt(v.trim(), 'ef') ?? 0);
    return {
      kind: 'ann', base: values.base, queries: values.queries, groundtruth: values.groundtruth, out: values.out, synthetic,
      dataDir: values['data-dir'], ef, M: positiveInt(values.M, 'M'), efConstruction: positiveInt(values['ef-construction'], 'ef-construction'),
      seed: positiveInt(values.seed, 'seed') ?? 42,
    };
  }
  if (values.dataset !== 'stackfaq') throw new InvalidInputError('--dataset stackfaq, --ann or --split-stackfaq is required');
  if (values.corpus === undefined || values.queries === undefined) throw new InvalidInputError('--dataset stackfaq needs --corpus and --queries');
  if (values.encoder !== 'use-lite' && values.encoder !== 'hashed') throw new InvalidInputError('--encoder must be use-lite or hashed');
  return { kind: 'stackfaq', corpus: values.corpus, queries: values.queries, train: values.train, encoder: values.encoder };
}
