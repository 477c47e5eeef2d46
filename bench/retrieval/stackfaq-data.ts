import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';

const CorpusLine = z.object({ id: z.string(), thread_id: z.string(), question: z.string(), answer: z.string() });
const QueryLine = z.object({ query_id: z.string(), query: z.string(), thread_id: z.string(), relevant_ids: z.array(z.string()).min(1) });
export type CorpusEntry = z.infer<typeof CorpusLine>;
export type QueryEntry = z.infer<typeof QueryLine>;

async function readJsonl<T>(path: string, schema: z.ZodType<T>): Promise<T[]> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim().length > 0);
  return lines.map((line, i) => {
    const parsed = schema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new InvalidInputError(`${path}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid line'}`);
    return parsed.data;
  });
}

export const readCorpus = (path: string): Promise<CorpusEntry[]> => readJsonl(path, CorpusLine);
export const readQueries = (path: string): Promise<QueryEntry[]> => readJsonl(path, QueryLine);

/**
 * Splits queries by rephrasing index within each thread, the way the held-out set was cut:
 * every `every`-th rephrasing of a thread (index % every === every - 1) goes to `test`.
 */
export function splitByRephrasing(queries: readonly QueryEntry[], every: number): { train: QueryEntry[]; test: QueryEntry[] } {
  const seen = new Map<string, number>();
  const train: QueryEntry[] = [];
  const test: QueryEntry[] = [];
  for (const query of queries) {
    const index = seen.get(query.thread_id) ?? 0;
    seen.set(query.thread_id, index + 1);
    (index % every === every - 1 ? test : train).push(query);
  }
  return { train, test };
}

/** Writes a development split of `queries` to `outDir/train.jsonl` and `outDir/test.jsonl`. */
export async function writeSplit(options: { queries: string; outDir: string; every: number }): Promise<{ train: number; test: number }> {
  const { train, test } = splitByRephrasing(await readQueries(options.queries), options.every);
  await mkdir(options.outDir, { recursive: true });
  const lines = (rows: QueryEntry[]) => `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;
  await writeFile(join(options.outDir, 'train.jsonl'), lines(train));
  await writeFile(join(options.outDir, 'test.jsonl'), lines(test));
  return { train: train.length, test: test.length };
}
