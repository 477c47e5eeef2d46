import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError, UnauthorizedError } from '../core/errors.js';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Middleware for admin APIs: `Authorization: Bearer <token>`; missing → 401, wrong → 403.
 *
 * @remarks Both sides are hashed first so the comparison is constant-time whatever the lengths.
 */
export function requireAdminToken(adminToken: string, what: string) {
  const expected = digest(adminToken);
  return (req: Request, _res: Response, next: NextFunction): void => {
    const token = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (token === undefined) { next(new UnauthorizedError('send Authorization: Bearer <admin token>')); return; }
    if (!timingSafeEqual(digest(token), expected)) { next(new ForbiddenError(`this token may not administer ${what}`)); return; }
    next();
  };
}
