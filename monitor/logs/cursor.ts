import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';

/** A keyset position: the `created_at` and id of the last row of a page. */
export interface Keyset<Id extends number | string> {
  createdAt: string;
  id: Id;
}

const CursorSchema = z.tuple([z.string().min(1).max(40), z.union([z.number().int(), z.string().min(1).max(100)])]);

/**
 * Cursors are opaque to clients: base64url of `[created_at, id]`.
 *
 * @remarks Keyset pagination rather than offsets: a page costs the same however deep it is,
 * and rows arriving meanwhile neither repeat nor skip rows of later pages.
 */
export function encodeCursor(position: Keyset<number | string>): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id]), 'utf8').toString('base64url');
}

/** Reads a cursor whose id must be of `kind`; throws {@link InvalidInputError} on anything else. */
export function decodeCursor<K extends 'number' | 'string'>(cursor: string, kind: K): Keyset<K extends 'number' ? number : string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidInputError('cursor: not a cursor this API gave out');
  }
  const result = CursorSchema.safeParse(parsed);
  if (!result.success || typeof result.data[1] !== kind) throw new InvalidInputError('cursor: not a cursor this API gave out');
  return { createdAt: result.data[0], id: result.data[1] as K extends 'number' ? number : string };
}
