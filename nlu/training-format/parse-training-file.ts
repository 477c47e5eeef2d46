import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { TrainingDataError, type TrainingDataIssue } from './errors.js';
import { readExamples } from './examples.js';
import type { Locator } from './locator.js';
import { rawTrainingFileSchema, TOP_LEVEL_KEYS, type RawTrainingFile } from './schema.js';
import { parseSource, type TrainingFileFormat } from './syntax.js';
import type { LookupTable, TrainingSet } from './types.js';

/** Options of {@link parseTrainingFile}. */
export interface ParseTrainingFileOptions {
  /** Names the file in positions and messages. @defaultValue 'training.yaml' */
  fileName?: string;
  /** @defaultValue 'json' when `fileName` ends in `.json`, otherwise 'yaml' */
  format?: TrainingFileFormat;
}

/**
 * Parses a training file (YAML or JSON, same structure) with inline entity annotations.
 *
 * @remarks Every problem is collected before throwing, each with its line and column, so a shop
 * owner can fix the whole file in one go. Syntax errors stop the check early, because what
 * follows a syntax error is guesswork.
 *
 * @throws {@link TrainingDataError} (code `invalid_training_data`) listing `file:line:col reason`.
 * @example
 * ```ts
 * const set = parseTrainingFile(yamlText, { fileName: 'shop.yaml' });
 * set.examples[0]; // { text: "where's order 100234?", intent: 'order_status', entities: [{ type: 'order_id', start: 14, end: 20, value: '100234' }], ... }
 * ```
 */
export function parseTrainingFile(text: string, options: ParseTrainingFileOptions = {}): TrainingSet {
  const fileName = options.fileName ?? 'training.yaml';
  const format = options.format ?? (fileName.toLowerCase().endsWith('.json') ? 'json' : 'yaml');
  const { doc, locator, issues: syntaxIssues } = parseSource({ text, fileName, format });
  if (syntaxIssues.length > 0) throw new TrainingDataError(sortIssues(syntaxIssues));

  const structure = rawTrainingFileSchema.safeParse(doc.toJS());
  const examples = readExamples({ doc, locator });
  const issues = [...(structure.success ? [] : structure.error.issues.flatMap((issue) => locateIssue(issue, locator))), ...examples.issues];
  if (issues.length > 0 || !structure.success) throw new TrainingDataError(sortIssues(issues));

  return {
    version: 1,
    language: structure.data.language,
    examples: examples.examples,
    outOfScope: examples.outOfScope,
    lookups: toLookupTables(structure.data.lookups),
    fileName,
  };
}

/**
 * Reads and parses a training file; the format follows the extension (`.json` or YAML).
 *
 * @throws {@link InvalidInputError} when the file cannot be read; {@link TrainingDataError} when it is invalid.
 */
export async function loadTrainingFile(path: string | URL): Promise<TrainingSet> {
  const filePath = path instanceof URL ? fileURLToPath(path) : path;
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
    throw new InvalidInputError(`Cannot read training file ${basename(filePath)}: ${code}`, { path: filePath });
  }
  return parseTrainingFile(text, { fileName: filePath });
}

function toLookupTables(lookups: RawTrainingFile['lookups']): LookupTable[] {
  return Object.entries(lookups ?? {}).map(([type, entries]) => ({
    type,
    entries: entries.map((entry) =>
      typeof entry === 'string' ? { value: entry, synonyms: [] } : { value: entry.value, synonyms: entry.synonyms ?? [] },
    ),
  }));
}

function sortIssues(issues: TrainingDataIssue[]): TrainingDataIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Names what a path points at, as a shop owner would: `intent "x", example 3`. */
function subject(path: readonly PropertyKey[]): string {
  const [section, name, index, field] = path;
  if (section === undefined) return 'the file';
  if (name === undefined) return String(section);
  const owner = section === 'intents' ? `intent "${String(name)}"` : section === 'lookups' ? `lookup "${String(name)}"` : String(section);
  if (section === 'out_of_scope') return `out_of_scope, example ${Number(name) + 1}`;
  if (index === undefined) return owner;
  const item = `${owner}, ${section === 'lookups' ? 'entry' : 'example'} ${Number(index) + 1}`;
  return field === undefined ? item : `${item}, ${String(field)}`;
}

function locateIssue(issue: z.core.$ZodIssue, locator: Locator): TrainingDataIssue[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const expected = path.length === 0 ? ` (expected ${TOP_LEVEL_KEYS.join(', ')})` : '';
    const what = path.length === 0 ? 'top-level key' : `key in ${subject(path)}`;
    return issue.keys.map((key) => locator.atKey(path, key, `unknown ${what} "${key}"${expected}`));
  }
  if (issue.code === 'invalid_key') {
    const key = String(path[path.length - 1]);
    const kind = path[0] === 'lookups' ? 'lookup name' : 'intent name';
    const reason = issue.issues[0]?.message ?? issue.message;
    return [locator.atKey(path.slice(0, -1), key, `${kind} "${key}" ${reason}`)];
  }
  return [locator.atPath(path, `${subject(path)} ${issue.message}`)];
}
