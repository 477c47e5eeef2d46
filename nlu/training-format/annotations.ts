import type { EntityAnnotation } from './types.js';

/** A problem inside one example, at an offset into the example as written. */
export interface AnnotationProblem {
  offset: number;
  reason: string;
}

/** An example with its inline annotations resolved. */
export interface ParsedAnnotations {
  /** The example with annotation markup and escapes removed, trimmed. */
  text: string;
  entities: EntityAnnotation[];
  problems: AnnotationProblem[];
}

/** Entity type names: ATIS uses dots (`fromloc.city_name`), others dashes. */
export const ENTITY_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const ESCAPABLE = new Set(['[', ']', '(', ')', '\\']);

interface Cursor {
  raw: string;
  i: number;
  out: string;
  entities: EntityAnnotation[];
  problems: AnnotationProblem[];
}

/**
 * Parses `[text](type)` and `[text](type:value)` annotations out of one example.
 *
 * @remarks A literal bracket is written `\[`. Problems are collected, not thrown, so that one
 * file run reports every bad example; after a problem the parser resumes at a sensible place
 * and keeps the text, so offsets of later problems stay right.
 *
 * @example
 * ```ts
 * parseAnnotations("where's order [#100234](order_id)?");
 * // { text: "where's order #100234?", entities: [{ type: 'order_id', start: 14, end: 21, value: '#100234' }], problems: [] }
 * ```
 */
export function parseAnnotations(raw: string): ParsedAnnotations {
  const cursor: Cursor = { raw, i: 0, out: '', entities: [], problems: [] };
  while (cursor.i < raw.length) {
    const ch = raw[cursor.i] as string;
    if (ch === '\\' && ESCAPABLE.has(raw[cursor.i + 1] ?? '')) {
      cursor.out += raw[cursor.i + 1];
      cursor.i += 2;
    } else if (ch === '[') {
      readAnnotation(cursor);
    } else {
      cursor.out += ch;
      cursor.i += 1;
    }
  }
  return trimExample(cursor);
}

/** Reads `[text](type[:value])` starting at the `[`; on a problem keeps the raw text. */
function readAnnotation(cursor: Cursor): void {
  const { raw } = cursor;
  const open = cursor.i;
  let inner = '';
  let j = open + 1;
  for (; j < raw.length && raw[j] !== ']'; j += 1) {
    if (raw[j] === '\\' && ESCAPABLE.has(raw[j + 1] ?? '')) {
      inner += raw[j + 1];
      j += 1;
    } else if (raw[j] === '[') {
      return fail(cursor, { offset: j, reason: "'[' inside an annotation: annotations cannot be nested (write \\[ for a literal bracket)" });
    } else {
      inner += raw[j];
    }
  }
  if (j >= raw.length) {
    return fail(cursor, { offset: open, reason: "unclosed '[': expected ']' and then '(entity_type)'" });
  }
  const close = j;
  if (raw[close + 1] !== '(') {
    return fail(cursor, { offset: open, reason: `[${inner}] has no entity type: write [${inner}](entity_type), or \\[ for a literal bracket` });
  }
  const typeEnd = raw.indexOf(')', close + 2);
  if (typeEnd < 0) return fail(cursor, { offset: close + 1, reason: "unclosed '(': expected ')' after the entity type" });
  const label = raw.slice(close + 2, typeEnd);
  const problem = checkAnnotation({ inner, label, open, labelOffset: close + 2 });
  if (problem) return fail(cursor, problem, typeEnd + 1);
  addEntity(cursor, { inner, label });
  cursor.i = typeEnd + 1;
}

function checkAnnotation(a: { inner: string; label: string; open: number; labelOffset: number }): AnnotationProblem | undefined {
  if (a.inner.trim() === '') return { offset: a.open, reason: `empty entity: [${a.inner}](${a.label}) annotates no text` };
  const colon = a.label.indexOf(':');
  const type = (colon < 0 ? a.label : a.label.slice(0, colon)).trim();
  if (type === '') return { offset: a.labelOffset, reason: 'missing entity type inside ( )' };
  if (!ENTITY_TYPE_PATTERN.test(type)) {
    return { offset: a.labelOffset, reason: `invalid entity type "${type}": use letters, digits, _, . or -, starting with a letter` };
  }
  if (colon >= 0 && a.label.slice(colon + 1).trim() === '') {
    return { offset: a.labelOffset + colon, reason: `empty value after "${type}:"` };
  }
  return undefined;
}

function addEntity(cursor: Cursor, a: { inner: string; label: string }): void {
  // `[ Leeds ](warehouse)`: the span is the word, not the spaces around it.
  const lead = a.inner.length - a.inner.trimStart().length;
  const text = a.inner.trim();
  const colon = a.label.indexOf(':');
  const type = (colon < 0 ? a.label : a.label.slice(0, colon)).trim();
  const value = colon < 0 ? text : a.label.slice(colon + 1).trim();
  const start = cursor.out.length + lead;
  cursor.entities.push({ type, start, end: start + text.length, value });
  cursor.out += a.inner;
}

function fail(cursor: Cursor, problem: AnnotationProblem, resumeAt?: number): void {
  cursor.problems.push(problem);
  // Keep the bracket as text and carry on after it, or after the whole bad annotation.
  const next = resumeAt ?? cursor.i + 1;
  cursor.out += cursor.raw.slice(cursor.i, next);
  cursor.i = next;
}

function trimExample(cursor: Cursor): ParsedAnnotations {
  const lead = cursor.out.length - cursor.out.trimStart().length;
  const text = cursor.out.trim();
  const entities = cursor.entities.map((e) => ({ ...e, start: e.start - lead, end: e.end - lead }));
  return { text, entities, problems: cursor.problems };
}
