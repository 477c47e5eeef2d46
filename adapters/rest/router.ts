import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { ClientMessageIdSchema } from '../../core/activity.js';
import { CounterpartError, InvalidInputError, NotFoundError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { Bot } from '../../bot/index.js';
import { principalFromHeaders, type Authenticate } from '../auth.js';
import { noStackTraces } from '../http/index.js';
import { openApiDocument } from './openapi.js';

/** Request bodies are small JSON documents; anything bigger is refused before parsing. */
const BODY_LIMIT = '16kb';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CreateConversationBody = z.object({}).strict();
const PostMessageBody = z.object({ text: z.unknown(), clientMessageId: ClientMessageIdSchema.optional() }).strict();

export interface RestOptions {
  bot: Bot;
  authenticate: Authenticate;
  logger: Logger;
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new InvalidInputError(`${where}${issue?.message ?? 'invalid body'}`);
  }
  return parsed.data;
}

function conversationId(req: Request): string {
  const id = String(req.params.id);
  if (!UUID.test(id)) throw new NotFoundError('conversation');
  return id;
}

/** Requests with a body must send JSON. */
function requireJson(req: Request, _res: Response, next: NextFunction): void {
  const length = Number(req.headers['content-length'] ?? 0);
  if ((length > 0 || req.headers['transfer-encoding']) && !req.is('application/json')) {
    next(new CounterpartError({ code: 'unsupported_media_type', message: 'send the body as application/json' }));
    return;
  }
  next();
}

/**
 * The REST channel: `/api/conversations` and its messages, plus the OpenAPI document.
 *
 * @remarks Customers identify with the same signed token as the widget
 * (`Authorization: Bearer <token>`), or in the conversation with order number and e-mail.
 * Staff send a staff token the same way and get the staff tools.
 */
export function createRestRouter(options: RestOptions): express.Router {
  const { bot, authenticate } = options;
  const router = express.Router();
  router.get('/openapi.json', (_req, res) => { res.json(openApiDocument); });
  router.use(requireJson, express.json({ limit: BODY_LIMIT, strict: true, type: 'application/json' }));

  router.post('/conversations', async (req, res) => {
    parseBody(CreateConversationBody, req.body);
    const principal = principalFromHeaders(req.headers, authenticate);
    const { id } = await bot.startConversation({ channel: 'rest', principal });
    res.status(201).json({ id });
  });

  router.post('/conversations/:id/messages', async (req, res) => {
    const id = conversationId(req);
    const body = parseBody(PostMessageBody, req.body);
    const principal = principalFromHeaders(req.headers, authenticate);
    // The HTTP convention for a retry-safe POST: the same key is the same message, answered once.
    const header = req.get('idempotency-key');
    const clientMessageId = body.clientMessageId ?? (header === undefined ? undefined : parseBody(ClientMessageIdSchema, header));
    const result = await bot.handleMessage({
      conversationId: id, channel: 'rest', text: body.text as string, clientMessageId,
      principal, origin: req.ip,
    });
    res.status(result.duplicate ? 200 : 201).json({ id: result.inbound.id, duplicate: result.duplicate, replies: result.replies });
  });

  router.get('/conversations/:id/messages', async (req, res) => {
    const id = conversationId(req);
    const principal = principalFromHeaders(req.headers, authenticate);
    res.json({ messages: await bot.history({ conversationId: id, principal }) });
  });

  router.use((_req, _res, next) => { next(new NotFoundError('route')); });
  router.use(noStackTraces({ logger: options.logger }));
  return router;
}
