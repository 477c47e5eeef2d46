import type { Response } from 'express';
import type { CounterpartError } from '../../core/errors.js';
import { silentLogger } from '../../core/logger.js';
import { toErrorResponse } from '../errors.js';

/** Answers with the standard error body and the status its code maps to (adapters/errors.ts). */
export function sendError(res: Response, error: CounterpartError): void {
  const { status, body } = toErrorResponse(error, silentLogger);
  res.status(status).json(body);
}
