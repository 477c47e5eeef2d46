import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import type { SentimentExample } from '../../../monitor/index.js';

const fileSchema = z.record(z.enum(['en', 'zh']), z.object({ positive: z.array(z.string().min(1)), negative: z.array(z.string().min(1)) }));

/** Examples of one language from `tests/fixtures/sentiment-<name>.yaml`. */
export async function sentimentFixture(name: 'train' | 'holdout', language: 'en' | 'zh'): Promise<SentimentExample[]> {
  const url = new URL(`../../fixtures/sentiment-${name}.yaml`, import.meta.url);
  const parsed = fileSchema.parse(parse(await readFile(url, 'utf8')));
  const set = parsed[language];
  if (set === undefined) throw new TypeError(`fixture sentiment-${name}.yaml has no "${language}"`);
  return [
    ...set.positive.map((text) => ({ text, label: 'positive' as const })),
    ...set.negative.map((text) => ({ text, label: 'negative' as const })),
  ];
}
