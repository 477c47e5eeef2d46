import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { CounterpartError } from '../../core/errors.js';
import { InvalidModelError, ModelNotFoundError } from './errors.js';

/** Which encoder reads the file: named in errors. */
interface FileRequest {
  encoder: string;
  file: string;
}

/**
 * Reads a model file, turning "no such file" into {@link ModelNotFoundError}.
 *
 * @remarks Every model file an encoder opens goes through here, so a missing or unreadable
 * file always surfaces as `model_not_found` with its path, never as a bare `ENOENT`.
 */
export async function readModelFile(request: FileRequest): Promise<Buffer> {
  return withNotFound(request, () => readFile(request.file));
}

/**
 * Reads `files` back to back into one `ArrayBuffer` (weight shards of a tfjs model).
 *
 * @remarks Sized from `stat` and filled in place: concatenating per-file buffers would hold the
 * weights twice (~27 MB extra for USE-lite) until the next garbage collection.
 */
export async function readConcatenated(request: { encoder: string; files: readonly string[] }): Promise<ArrayBuffer> {
  const sizes = await Promise.all(request.files.map((file) => withNotFound({ encoder: request.encoder, file }, async () => (await stat(file)).size)));
  const buffer = new ArrayBuffer(sizes.reduce((sum, size) => sum + size, 0));
  let offset = 0;
  for (const [i, file] of request.files.entries()) {
    const size = sizes[i] ?? 0;
    await withNotFound({ encoder: request.encoder, file }, async () => {
      const handle = await open(file, 'r');
      try {
        const target = new Uint8Array(buffer, offset, size);
        for (let done = 0; done < size; ) {
          const { bytesRead } = await handle.read(target, done, size - done, done);
          if (bytesRead === 0) throw new InvalidModelError({ encoder: request.encoder, path: file, problem: 'shrank while being read' });
          done += bytesRead;
        }
      } finally {
        await handle.close();
      }
    });
    offset += size;
  }
  return buffer;
}

async function withNotFound<T>(request: FileRequest, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof CounterpartError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? 'unknown error'})`;
    throw new ModelNotFoundError({ encoder: request.encoder, path: request.file, reason, cause: error });
  }
}

/** Reads a JSON model file and validates it with `schema`. */
export async function readModelJson<S extends z.ZodType>(request: FileRequest & { schema: S }): Promise<z.output<S>> {
  const text = (await readModelFile(request)).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidModelError({ encoder: request.encoder, path: request.file, problem: 'is not valid JSON', cause: error });
  }
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw new InvalidModelError({ encoder: request.encoder, path: request.file, problem: `${issue?.message ?? 'invalid content'}${where}` });
  }
  return parsed.data;
}

/**
 * Resolves `relative` inside `dir`, refusing paths that escape it.
 *
 * @remarks Manifests name their weight files; a manifest from an untrusted folder must not make
 * us read `../../etc/passwd`.
 */
export function resolveInside(options: { encoder: string; dir: string; relative: string }): string {
  const root = path.resolve(options.dir);
  const file = path.resolve(root, options.relative);
  if (file !== root && !file.startsWith(root + path.sep)) {
    throw new InvalidModelError({ encoder: options.encoder, path: options.relative, problem: `points outside ${root}` });
  }
  return file;
}
