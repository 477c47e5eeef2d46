import express, { type NextFunction, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { ErrorBody } from '../errors.js';
import { EMULATOR_CHANNEL_ID, InboundActivitySchema, TEAMS_CHANNEL_ID } from './inbound.js';
import { createTeamsCloudAdapter, type TeamsAuth } from './sdk.js';
import { runTeamsTurn, type TeamsTurnDeps } from './turn.js';

/** Activities are small JSON documents; anything larger is refused before parsing. */
const MAX_ACTIVITY_BYTES = 64 * 1024;
/** Activity types that can start a turn; the rest are acknowledged and dropped. */
const TURN_TYPES = new Set(['message', 'conversationUpdate']);

/** Options of {@link createTeamsRouter}. */
export interface TeamsRouterOptions extends TeamsTurnDeps {
  /** The Teams app registration; without `clientId` the endpoint is anonymous (local Emulator only). */
  auth: TeamsAuth;
  /**
   * Where the router answers, relative to where it is mounted.
   * @defaultValue `/api/messages` (the Bot Framework convention, for a router mounted at the root)
   */
  path?: string;
}

/**
 * The Microsoft Teams channel: the Bot Framework messaging endpoint, on the Microsoft 365 Agents SDK.
 *
 * @remarks Order of checks: the SDK's JWT validation (401, body unread), then size and shape
 * (400), then the turn. Staff are recognised by their Entra object id (`from.aadObjectId`)
 * through the channel directory; replies go back through the SDK's connector client to the
 * activity's `serviceUrl`. In channels and group chats only messages that @mention the bot count.
 *
 * @example
 * app.use(createTeamsRouter({ bot, directory, logger, auth: { clientId, clientSecret, tenantId } })); // POST /api/messages
 */
export function createTeamsRouter(options: TeamsRouterOptions): express.Router {
  const { logger } = options;
  const adapter = createTeamsCloudAdapter(options.auth);
  const channels = options.auth.clientId === undefined ? [TEAMS_CHANNEL_ID, EMULATOR_CHANNEL_ID] : [TEAMS_CHANNEL_ID];
  const router = express.Router();
  router.post(
    options.path ?? '/api/messages',
    (req: Request, res: Response, next: NextFunction) => adapter.authorizeRequest(req, res, next),
    express.json({ limit: MAX_ACTIVITY_BYTES, strict: true, type: 'application/json' }),
    async (req: Request, res: Response) => {
      const parsed = InboundActivitySchema.safeParse(req.body);
      if (!parsed.success) {
        badRequest(res, describeIssue(parsed.error));
        return;
      }
      const inbound = parsed.data;
      if (!TURN_TYPES.has(inbound.type) || !channels.includes(inbound.channelId)) {
        logger.debug({ type: inbound.type, channelId: inbound.channelId }, 'teams activity acknowledged without a turn');
        res.status(200).end();
        return;
      }
      let turnStarted = false;
      try {
        await adapter.process(req, res, (context) => {
          turnStarted = true;
          return runTeamsTurn({ ...options, context, inbound });
        });
      } catch (error) {
        // The SDK parses the whole activity with its own, stricter schema before the turn
        // (`{"replyToId": null}`, `{"timestamp": 5}`): that is the sender's error, not ours.
        const issue = turnStarted ? undefined : sdkSchemaIssue(error);
        if (issue !== undefined && !res.headersSent) {
          logger.debug({ issue, conversation: inbound.conversation.id }, 'teams activity refused by the SDK schema');
          badRequest(res, `invalid activity: ${issue}`);
          return;
        }
        // Reaching here means a reply could not be sent; a 5xx lets the channel redeliver.
        logger.error({ err: error, conversation: inbound.conversation.id }, 'teams activity failed');
        if (!res.headersSent) res.status(500).json(errorBody('internal', 'Something went wrong on our side. Please try again.'));
      }
    },
    rejectUnreadableBody,
  );
  return router;
}

/** Body-parser failures (too large, not JSON, bad encoding) are the sender's: 400. */
function rejectUnreadableBody(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status >= 500) {
    next(error);
    return;
  }
  badRequest(res, type === 'entity.too.large' ? `activity is larger than ${MAX_ACTIVITY_BYTES / 1024} KB` : 'activity is not readable JSON');
}

/**
 * What the Agents SDK's activity schema (zod, its own copy) refused, or `undefined` for any other error.
 * Found by tests/fuzz/teams.test.ts: without it such activities were answered 500 and redelivered.
 */
function sdkSchemaIssue(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== 'ZodError') return undefined;
  const issue = (error as { issues?: Array<{ path?: Array<string | number>; message?: string }> }).issues?.[0];
  const where = issue?.path?.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue?.message ?? 'unexpected shape'}`;
}

function badRequest(res: Response, message: string): void {
  res.status(400).json(errorBody('invalid_input', message));
}

function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return `invalid activity: ${where}${issue?.message ?? 'unexpected shape'}`;
}
