import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_FOLDERS = ['core', 'store', 'nlu', 'retrieval', 'ops', 'bot', 'monitor', 'jobs', 'adapters', 'server'];

function filesUnder(folder: string, extension: RegExp): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path, extension);
    return extension.test(name) ? [path] : [];
  });
}

/**
 * Static guards for two rules hostile input relies on everywhere, so a new file cannot quietly
 * break them: no SQL built from strings, and no customer text put into a page as HTML.
 */
describe('no injection paths in the source', () => {
  it('builds no SQL from strings: no sql.raw or raw query text, only Kysely builders and bound sql`` values', () => {
    const offenders = SOURCE_FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder), /\.ts$/))
      .filter((file) => /\bsql\.raw\s*\(|\.query\s*\(\s*[`'"]|\bsql\.unsafe\b/.test(readFileSync(file, 'utf8')))
      .map((file) => file.slice(ROOT.length));
    expect(offenders).toEqual([]);
  });

  it('never writes text into the widget, agent console or dashboard as HTML', () => {
    const offenders = filesUnder(join(ROOT, 'web'), /\.(js|html)$/)
      .filter((file) => /\.innerHTML\s*[+]?=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\s*\(|\beval\s*\(|new Function\s*\(/.test(readFileSync(file, 'utf8')))
      .map((file) => file.slice(ROOT.length));
    expect(offenders).toEqual([]);
  });
});
