import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InvalidInputError } from '../core/errors.js';
import type { TrainingExample } from '../core/nlu.js';

const INTENT_NAME = /^[a-z][a-z0-9_]*$/;

const describe = (input: unknown) => (input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input);

const exampleSchema = z
  .string({ error: (issue) => `example must be a string, got ${describe(issue.input)}` })
  .trim()
  .min(1, 'example is empty');

/**
 * Training data file: `{ "language": "en", "intents": { "<intent>": ["example", ...] } }`.
 *
 * @remarks Validated strictly because people edit these files by hand: unknown keys,
 * empty intents, non-string examples and the same example under two intents are errors.
 */
export const trainingDataSchema = z
  .strictObject({
    language: z.string({ error: 'language must be a string such as "en"' }).regex(/^[a-z]{2}$/, 'language must be a two-letter code such as "en"'),
    intents: z.record(
      z.string().regex(INTENT_NAME),
      z.array(exampleSchema, { error: 'an intent must map to an array of example strings' }).min(1, 'intent has no examples'),
      {
        error: (issue) =>
          issue.code === 'invalid_key'
            ? `invalid intent name "${String(issue.input)}": intent names must be snake_case (a-z, 0-9, _), starting with a letter`
            : issue.code === 'invalid_type'
              ? 'intents must be an object mapping intent names to example arrays'
              : undefined,
      },
    ),
  })
  .superRefine((data, ctx) => {
    const intents = Object.keys(data.intents);
    if (intents.length < 2) ctx.addIssue({ code: 'custom', path: ['intents'], message: `needs at least two intents, got ${intents.length}` });
    const seen = new Map<string, string>();
    for (const [intent, examples] of Object.entries(data.intents)) {
      examples.forEach((example, i) => {
        const key = example.toLowerCase();
        const other = seen.get(key);
        if (other !== undefined && other !== intent) {
          ctx.addIssue({ code: 'custom', path: ['intents', intent, i], message: `example "${example}" is also listed under "${other}"` });
        }
        seen.set(key, intent);
      });
    }
  });

/** Validated training data. */
export type TrainingData = z.infer<typeof trainingDataSchema>;

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/**
 * Validates training data, reporting every problem with its location.
 *
 * @param source - Names the data in error messages, for example the file path.
 * @throws {@link InvalidInputError} whose message lists each problem as `path: problem`.
 */
export function parseTrainingData(input: unknown, source = 'training data'): TrainingData {
  const parsed = trainingDataSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`);
  throw new InvalidInputError(`Invalid ${source}: ${problems.join('; ')}`, { source, problems });
}

/**
 * Reads and validates a training data JSON file.
 *
 * @throws {@link InvalidInputError} when the file cannot be read, is not JSON, or is invalid.
 */
export async function loadTrainingDataFile(path: string | URL): Promise<TrainingData> {
  const source = path instanceof URL ? path.pathname : path;
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (cause) {
    throw new InvalidInputError(`Cannot read training data ${source}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    throw new InvalidInputError(`Training data ${source} is not valid JSON: ${(cause as Error).message}`);
  }
  return parseTrainingData(json, `training data ${source}`);
}

/** Flattens training data into labelled examples, intent by intent. */
export function toTrainingExamples(data: TrainingData): TrainingExample[] {
  return Object.entries(data.intents).flatMap(([intent, texts]) => texts.map((text) => ({ text, intent })));
}
