import { isMap, isScalar, isSeq, type Document, type Scalar } from 'yaml';
import { parseAnnotations } from './annotations.js';
import type { TrainingDataIssue } from './errors.js';
import type { Locator } from './locator.js';
import type { AnnotatedExample, OutOfScopeExample, SourcePosition } from './types.js';

/** Examples read from the document, and the problems found in them. */
export interface ReadExamples {
  examples: AnnotatedExample[];
  outOfScope: OutOfScopeExample[];
  issues: TrainingDataIssue[];
}

interface Site {
  /** `intent "x"` or `out_of_scope`, for messages. */
  owner: string;
  intent?: string;
  scalar: Scalar & { value: string };
}

/**
 * Reads every string example under `intents` and `out_of_scope`, resolving annotations and
 * reporting bad annotations and duplicates with their positions.
 *
 * @remarks Walks the YAML nodes rather than validated data, so that annotation problems are
 * reported even when the file has structural errors elsewhere. Items that are not strings are
 * skipped here: the structural check reports them.
 */
export function readExamples(options: { doc: Document; locator: Locator }): ReadExamples {
  const { locator } = options;
  const result: ReadExamples = { examples: [], outOfScope: [], issues: [] };
  const seen = new Map<string, { owner: string; line: number }>();
  for (const site of exampleSites(options.doc)) {
    const parsed = parseAnnotations(site.scalar.value);
    for (const problem of parsed.problems) {
      result.issues.push(locator.at(locator.charOffset(site.scalar, problem.offset), `${site.owner}: ${problem.reason}`));
    }
    const source = positionOf(locator, site.scalar);
    const key = parsed.text.toLowerCase().replace(/\s+/g, ' ');
    const first = seen.get(key);
    if (first) {
      const where = `${first.owner} (line ${first.line}) and ${site.owner} (line ${source.line})`;
      result.issues.push({ ...source, reason: `duplicate example "${parsed.text}": listed under ${where}` });
    } else {
      seen.set(key, { owner: site.owner, line: source.line });
    }
    if (site.intent === undefined) result.outOfScope.push({ text: parsed.text, source });
    else result.examples.push({ text: parsed.text, intent: site.intent, entities: parsed.entities, source });
  }
  return result;
}

function positionOf(locator: Locator, scalar: Scalar): SourcePosition {
  const { file, line, column } = locator.at(scalar.range?.[0] ?? 0, '');
  return { file, line, column };
}

function* exampleSites(doc: Document): Generator<Site> {
  const intents = doc.get('intents', true);
  if (isMap(intents)) {
    for (const pair of intents.items) {
      if (!isScalar(pair.key) || !isSeq(pair.value)) continue;
      const intent = String(pair.key.value);
      yield* stringItems(pair.value.items, { owner: `intent "${intent}"`, intent });
    }
  }
  const outOfScope = doc.get('out_of_scope', true);
  if (isSeq(outOfScope)) yield* stringItems(outOfScope.items, { owner: 'out_of_scope' });
}

function* stringItems(items: readonly unknown[], site: Omit<Site, 'scalar'>): Generator<Site> {
  for (const item of items) {
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') {
      yield { ...site, scalar: item as Scalar & { value: string } };
    }
  }
}
