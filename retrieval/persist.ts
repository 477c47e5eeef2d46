import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes a file atomically: into a temporary file beside it, then renamed over it.
 *
 * @remarks A rename within one folder is atomic on POSIX file systems, so a reader (or a
 * restart after a crash) sees either the old file or the new one, never half of one.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Renames an already written temporary file into place, removing it if that fails. */
export async function moveIntoPlace(temp: string, path: string): Promise<void> {
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A temporary path beside `path`, for writers (such as hnswlib) that only write whole files. */
export function tempPathFor(path: string): string {
  return `${path}.${randomBytes(4).toString('hex')}.tmp`;
}
