import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { CounterpartError, InvalidInputError, NotFoundError, PayloadTooLargeError } from '../../core/errors.js';
import { requireAdminToken } from '../admin-auth.js';
import type { Logger } from '../../core/logger.js';
import { toErrorResponse } from '../errors.js';
import type { KbAdmin, KbDocumentUpload } from './kb-admin.js';

/** Content types accepted as a raw file upload (with `?fileName=`). */
export const KB_UPLOAD_TYPES = ['text/markdown', 'text/html', 'text/plain', 'text/csv', 'application/json'] as const;

/** Options of {@link createKbRouter}. */
export interface KbRouterOptions {
  kb: KbAdmin;
  /** Secret that callers send as `Authorization: Bearer <adminToken>`; at least 16 characters. */
  adminToken: string;
  logger: Logger;
  /** Largest request body. @defaultValue 2 MiB plus room for JSON escaping (3 MiB) */
  maxUploadBytes?: number;
}

const JsonUpload = z.strictObject({
  id: z.string().min(1).max(200).optional(),
  title: z.string().min(1).max(300).optional(),
  fileName: z.string().min(1).max(300),
  content: z.string(),
  type: z.enum(['article', 'faq', 'product']).optional(),
  url: z.string().max(2000).optional(),
  category: z.string().max(200).optional(),
});
const UploadQuery = z.object({
  fileName: z.string().min(1).max(300),
  id: z.string().min(1).max(200).optional(),
  title: z.string().min(1).max(300).optional(),
});
const SearchQuery = z.object({ q: z.string().trim().min(1).max(1000), k: z.coerce.number().int().min(1).max(50).default(10) });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInputError(`${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Reads a `POST /documents` request as an upload: a JSON envelope, or a raw file with `?fileName=`. */
function readUpload(req: Request): KbDocumentUpload {
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const type = req.is([...KB_UPLOAD_TYPES]);
  if (typeof type !== 'string') {
    throw new CounterpartError({ code: 'unsupported_media_type', message: `send one of ${KB_UPLOAD_TYPES.join(', ')}` });
  }
  if (req.query.fileName !== undefined) {
    const query = parse(UploadQuery, req.query);
    return { fileName: query.fileName, content: body, ...(query.id ? { id: query.id } : {}), ...(query.title ? { title: query.title } : {}) };
  }
  if (type !== 'application/json') throw new InvalidInputError('a raw upload needs ?fileName=');
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new CounterpartError({ code: 'invalid_json', message: 'the body is not valid JSON' });
  }
  return parse(JsonUpload, json);
}

/**
 * The knowledge-base admin API, to mount under `/api/kb`:
 * `POST /documents` (upload or replace), `DELETE /documents/:id`, `POST /reindex` and
 * `GET /search?q=` (debugging: the fused list with BM25 and vector ranks).
 *
 * @remarks Every route needs the admin token. A refused file (wrong type 415, too large 413,
 * unparsable 400) leaves the index as it was: the knowledge base validates before it changes
 * anything. Document ids may contain `/`: send them URL-encoded or as extra path segments.
 * @example
 * ```ts
 * app.use('/api/kb', createKbRouter({ kb, adminToken: config.kbAdminToken, logger }));
 * ```
 */
export function createKbRouter(options: KbRouterOptions): express.Router {
  const { kb, logger } = options;
  if (options.adminToken.length < 16) throw new InvalidInputError('the knowledge-base admin token must have at least 16 characters');
  const router = express.Router();
  router.use(requireAdminToken(options.adminToken, 'the knowledge base'));
  router.use(express.raw({ type: () => true, limit: options.maxUploadBytes ?? 3 * 1024 * 1024 }));

  router.post('/documents', async (req, res) => {
    const result = await kb.upsertDocument(readUpload(req));
    logger.info({ result }, 'knowledge-base document upserted');
    res.status(200).json({ document: result });
  });

  router.delete('/documents/*id', async (req, res) => {
    const segments = (req.params as { id?: string[] }).id ?? [];
    const id = segments.join('/');
    if (id.length === 0) throw new NotFoundError('document');
    const result = await kb.deleteDocument(id);
    logger.info({ id }, 'knowledge-base document deleted');
    res.status(200).json(result);
  });

  router.post('/reindex', async (_req, res) => {
    const result = await kb.reindex();
    logger.info({ result }, 'knowledge base reindexed');
    res.status(200).json(result);
  });

  router.get('/search', async (req, res) => {
    const query = parse(SearchQuery, req.query);
    res.status(200).json({ hits: await kb.search(query.q, { k: query.k }) });
  });

  router.use((_req, _res, next) => { next(new NotFoundError('route')); });
  router.use(kbErrorHandler(logger));
  return router;
}

interface BodyParserError { type?: string; status?: number }

/** Maps body-parser failures and typed errors to JSON errors (`{error: {code, message}}`). */
function kbErrorHandler(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const parserError = error as BodyParserError;
    const mapped = parserError?.type === 'entity.too.large'
      ? new PayloadTooLargeError('the upload is too large')
      : parserError?.type !== undefined && parserError.status !== undefined && parserError.status < 500
        ? new InvalidInputError('the body could not be read')
        : error;
    const { status, body } = toErrorResponse(mapped, logger);
    res.status(status).json(body);
  };
}
