import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { formatOfFileName } from './parsers/index.js';
import type { DocumentInput, IngestProgress, UpsertManyOptions, UpsertManyResult } from './types.js';

/** The part of the knowledge base that folder ingestion uses. */
export interface BatchUpserter {
  upsertDocuments(inputs: readonly DocumentInput[], options?: UpsertManyOptions): Promise<UpsertManyResult>;
}

/** Options of {@link ingestFolder}. */
export interface IngestFolderOptions {
  onProgress?: (progress: IngestProgress) => void;
  signal?: AbortSignal;
  /** Delete documents ingested earlier from this folder whose files are gone. @defaultValue true */
  prune?: boolean;
  /** Prefix of the source links, joined with the file's path without extension (`/help` → `/help/returns`). */
  urlBase?: string;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && formatOfFileName(entry.name) !== undefined)
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Ingests every supported file under `folder` (recursively). Document ids are the paths
 * relative to the folder, with `/` separators, so re-ingesting the folder replaces them.
 *
 * @remarks Files that cannot be read are reported in `errors` and skipped; the rest are
 * ingested and saved once at the end.
 */
export async function ingestFolder(kb: BatchUpserter, folder: string, options: IngestFolderOptions = {}): Promise<UpsertManyResult> {
  const root = resolve(folder);
  const files = await listFiles(root);
  const inputs: DocumentInput[] = [];
  for (const file of files) {
    const id = relative(root, file).split(sep).join('/');
    const url = options.urlBase === undefined ? undefined : `${options.urlBase.replace(/\/$/, '')}/${id.replace(/\.[^.]+$/, '')}`;
    inputs.push({ id, fileName: id, content: await readFile(file), ...(url === undefined ? {} : { url }) });
  }
  return kb.upsertDocuments(inputs, { origin: root, prune: options.prune ?? true, onProgress: options.onProgress, signal: options.signal });
}
