import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { IndexMismatchError } from './errors.js';
import { writeFileAtomic } from './persist.js';
import { ChunkRecordSchema, DOCUMENT_TYPES, type ChunkRecord } from './types.js';

/** A document as the knowledge base remembers it: enough to replace or delete it later. */
export const DocumentRecordSchema = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  type: z.enum(DOCUMENT_TYPES),
  /** Folder it was ingested from (absolute), so a later ingest of that folder can drop files that are gone. */
  origin: z.string().optional(),
  chunkIds: z.array(z.string()),
});
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;

const ManifestSchema = z.object({
  format: z.literal(1),
  generation: z.number().int().nonnegative(),
  encoderId: z.string(),
  dimension: z.number().int().positive(),
  savedAt: z.string(),
  documents: z.array(DocumentRecordSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

const MANIFEST = 'manifest.json';
const CHUNKS = 'chunks.jsonl';

/** Folder of one saved generation: vector index files and the chunk records. */
export function generationDir(dir: string, generation: number): string {
  return join(dir, `gen-${String(generation).padStart(6, '0')}`);
}

/**
 * Reads the manifest and the chunk records of the current generation, or null for an empty folder.
 *
 * @throws {@link IndexMismatchError} when the files exist but are not readable as an index.
 */
export async function readManifest(dir: string): Promise<{ manifest: Manifest; chunks: ChunkRecord[] } | null> {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return null;
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch (error) {
    throw new IndexMismatchError(`the knowledge-base manifest in ${dir} is unreadable`, { cause: String(error) });
  }
  const lines = (await readFile(join(generationDir(dir, manifest.generation), CHUNKS), 'utf8')).split('\n');
  const chunks: ChunkRecord[] = [];
  for (const line of lines) {
    if (line.trim().length === 0) continue;
    const parsed = ChunkRecordSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new IndexMismatchError(`a chunk record in ${dir} is invalid`);
    chunks.push(parsed.data);
  }
  return { manifest, chunks };
}

/**
 * Saves one generation: `write` fills the new generation folder (the vector index), the chunk
 * records go beside it, and only then the manifest is switched to it by an atomic rename.
 * Older generations are removed afterwards.
 *
 * @remarks A crash at any point leaves the previous manifest pointing at a complete
 * generation, so the index always reopens consistent.
 */
export async function writeGeneration(options: {
  dir: string;
  manifest: Omit<Manifest, 'format' | 'savedAt'>;
  chunks: Iterable<ChunkRecord>;
  write: (generationDir: string) => Promise<void>;
}): Promise<void> {
  const { dir, manifest } = options;
  const target = generationDir(dir, manifest.generation);
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  await options.write(target);
  const lines: string[] = [];
  for (const chunk of options.chunks) lines.push(JSON.stringify(chunk));
  await writeFile(join(target, CHUNKS), lines.length > 0 ? `${lines.join('\n')}\n` : '');
  const full: Manifest = { format: 1, savedAt: new Date().toISOString(), ...manifest };
  await writeFileAtomic(join(dir, MANIFEST), JSON.stringify(full, null, 1));
  const keep = target.slice(dir.length + 1);
  for (const entry of await readdir(dir)) {
    if (entry.startsWith('gen-') && entry !== keep) await rm(join(dir, entry), { recursive: true, force: true });
  }
}
