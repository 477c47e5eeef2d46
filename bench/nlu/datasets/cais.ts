import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InvalidInputError } from '../../../core/errors.js';
import type { Example } from '../system.js';
import { readLines } from './seq-folder.js';
import type { DatasetReader, TestSide, TrainSide } from './types.js';

/**
 * Finds the CoNLL file and the intent file of a CAIS split folder: `ch.<split>` and
 * `ch.<split>.intent`, where `<split>` is the folder's name; failing that, the folder's only
 * `*.intent` file and the file it extends.
 */
async function splitFiles(folder: string): Promise<{ conll: string; intent: string }> {
  const names = await readdir(folder);
  const stem = `ch.${basename(folder)}`;
  if (names.includes(stem) && names.includes(`${stem}.intent`)) {
    return { conll: join(folder, stem), intent: join(folder, `${stem}.intent`) };
  }
  const intents = names.filter((n) => n.endsWith('.intent') && names.includes(n.slice(0, -'.intent'.length)));
  const [only] = intents;
  if (only === undefined || intents.length > 1) {
    throw new InvalidInputError(`${folder}: expected ${stem} and ${stem}.intent (found ${names.join(', ') || 'nothing'})`);
  }
  return { conll: join(folder, only.slice(0, -'.intent'.length)), intent: join(folder, only) };
}

/**
 * Parses CAIS's CoNLL layout: one `char TAG` line per character, a blank line between
 * utterances. The character may itself be a space (`"  O"`), so the tag is what follows
 * the last space.
 */
export function parseCharConll(lines: readonly string[], source: string): Array<{ tokens: string[]; tags: string[] }> {
  const utterances: Array<{ tokens: string[]; tags: string[] }> = [];
  let current = { tokens: [] as string[], tags: [] as string[] };
  const flush = () => {
    if (current.tokens.length > 0) utterances.push(current);
    current = { tokens: [], tags: [] };
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') return flush();
    const cut = line.lastIndexOf(' ');
    const tag = line.slice(cut + 1);
    if (cut < 1 || tag === '') throw new InvalidInputError(`${source}: line ${i + 1} is not "<char> <TAG>": ${JSON.stringify(line)}`);
    current.tokens.push(line.slice(0, cut));
    current.tags.push(tag);
  });
  flush();
  return utterances;
}

/** Reads one CAIS split folder. Texts are the characters joined without separators. */
export async function readCaisFolder(folder: string): Promise<Example[]> {
  const files = await splitFiles(folder);
  const [conllLines, intents] = await Promise.all([readLines(files.conll), readLines(files.intent)]);
  const utterances = parseCharConll(conllLines, files.conll);
  if (utterances.length !== intents.length) {
    throw new InvalidInputError(`${folder}: ${utterances.length} utterances but ${intents.length} intent lines`);
  }
  return utterances.map(({ tokens, tags }, i) => {
    const intent = (intents[i] ?? '').trim();
    if (intent === '') throw new InvalidInputError(`${files.intent}: line ${i + 1} is empty`);
    return { text: tokens.join(''), tokens, tags, intent };
  });
}

/**
 * CAIS (Chinese): `train/ch.train` + `train/ch.train.intent`, `valid/ch.valid` + …; a test
 * folder holds `ch.test` and `ch.test.intent`. Slot tags are BIOES.
 */
export const caisReader: DatasetReader = {
  name: 'cais',
  language: 'zh',
  hasSlots: true,
  hasOos: false,
  async readTrain(trainPath: string): Promise<TrainSide> {
    const [train, valid] = await Promise.all([readCaisFolder(trainPath), readCaisFolder(join(dirname(trainPath), 'valid'))]);
    return { train, valid };
  },
  async readTest(testPath: string): Promise<TestSide> {
    return { test: await readCaisFolder(testPath) };
  },
};
