import type { z } from 'zod';
import { InvalidInputError } from './errors.js';

/**
 * Parses `input` with `schema`, or throws one {@link InvalidInputError} naming every bad field.
 *
 * @remarks The chat tools pass model-produced arguments straight in, so the message says
 * which field is wrong and why, in words an operator (or the model) can act on.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`);
  throw new InvalidInputError(`Invalid ${what}: ${issues.join('; ')}`, { issues });
}
