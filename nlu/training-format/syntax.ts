import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { TrainingDataIssue } from './errors.js';
import { createLocator, type Locator } from './locator.js';

/** A parsed document with its locator, and the syntax errors found (if any). */
export interface ParsedSource {
  doc: Document;
  locator: Locator;
  issues: TrainingDataIssue[];
}

/** Input formats of a training file. */
export type TrainingFileFormat = 'yaml' | 'json';

const JSON_POSITION = /at position (\d+)/;

/**
 * Parses YAML or JSON text into a document whose nodes know their source offsets.
 *
 * @remarks JSON goes through `JSON.parse` first, because YAML accepts things JSON does not
 * (trailing commas, comments) and a `.json` file should be real JSON; then through the YAML
 * parser (JSON is YAML 1.2) for the node positions that line and column numbers need.
 */
export function parseSource(options: { text: string; fileName: string; format: TrainingFileFormat }): ParsedSource {
  const { text, fileName } = options;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locator = createLocator({ doc, lineCounter, fileName, source: text });
  const yamlIssues = doc.errors.map((error) => yamlIssue({ error, locator, text }));
  if (options.format === 'json') {
    const jsonIssue = checkJson(text, locator, yamlIssues);
    return { doc, locator, issues: jsonIssue ? [jsonIssue] : [] };
  }
  return { doc, locator, issues: yamlIssues };
}

function checkJson(text: string, locator: Locator, yamlIssues: TrainingDataIssue[]): TrainingDataIssue | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (cause) {
    const message = (cause as Error).message;
    const position = JSON_POSITION.exec(message)?.[1];
    const reason = `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '')}`;
    if (position !== undefined) return locator.at(Number(position), reason);
    // Some V8 messages carry no position. A trailing comma, the usual hand-editing slip, is
    // one of them and YAML accepts it; otherwise the YAML parser usually finds the same spot.
    const comma = findTrailingComma(text);
    if (comma !== undefined) return locator.at(comma, 'invalid JSON: trailing comma before a closing bracket');
    const fromYaml = yamlIssues[0];
    return fromYaml ? { ...fromYaml, reason } : locator.at(0, reason);
  }
}

function yamlIssue(options: { error: YAMLError; locator: Locator; text: string }): TrainingDataIssue {
  const { error, locator, text } = options;
  const [start, end] = error.pos;
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(start))?.[0].trim() || text.slice(start, end);
    return locator.at(start, `duplicate key "${key}": each key may appear once (merge the two entries)`);
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', start) < 0 ? undefined : text.indexOf('\n', start));
  // `- [Leeds](warehouse) stock` is a flow list followed by text to YAML: the usual cause.
  const hint = /^\s*-\s*\[/.test(line) ? ' (an example that starts with "[" must be quoted)' : '';
  return locator.at(start, `YAML syntax error: ${error.message}${hint}`);
}

/** Offset of the first `,` followed (after white space) by `]` or `}`, outside strings. */
function findTrailingComma(text: string): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
    } else if (ch === ',' && /^\s*[\]}]/.test(text.slice(i + 1, i + 200))) {
      return i;
    }
  }
  return undefined;
}
