import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';

/**
 * The parts of a Slack request body that Bolt dereferences before any listener runs, for each
 * kind of request it recognises (the same keys as Bolt's `getTypeAndConversation`).
 *
 * @remarks Bolt assumes Slack's shapes: `{"event": 0}` or a button payload without `user` throws a
 * TypeError inside `App.processEvent`, which would answer 500 (and make Slack retry a request that
 * can never succeed). Checking these fields first turns such bodies into a 400. Bodies of no kind
 * Bolt knows pass through: Bolt ignores them and the router answers 200, as Slack expects.
 */
const AnyObject = z.looseObject({});
/** Bolt reads `'channel' in x` and `x.id` on these, which throws for null and for primitives. */
const ObjectOrAbsent = AnyObject.optional();

const EventBody = z.looseObject({
  event: z.looseObject({
    type: z.string().min(1),
    channel: z.union([z.string(), AnyObject]).optional(),
    user: z.union([z.string(), AnyObject]).optional(),
    item: ObjectOrAbsent,
    subteam: ObjectOrAbsent,
    message: ObjectOrAbsent,
    previous_message: ObjectOrAbsent,
  }),
  authorizations: z.array(AnyObject).optional(),
});

const CommandBody = z.looseObject({ command: z.string() });

const InteractiveBody = z.looseObject({
  user: z.looseObject({ id: z.string() }),
  team: AnyObject.nullable().optional(),
  enterprise: AnyObject.nullable().optional(),
  channel: ObjectOrAbsent,
  message: ObjectOrAbsent,
  container: ObjectOrAbsent,
  actions: z.array(AnyObject).min(1).optional(),
  view: ObjectOrAbsent,
});
const ViewBody = InteractiveBody.extend({ view: AnyObject });

const INTERACTIVE_TYPES = new Set(['block_suggestion', 'dialog_submission', 'shortcut', 'message_action']);
const VIEW_TYPES = new Set(['view_submission', 'view_closed']);

/**
 * Throws {@link InvalidInputError} when `body` claims to be an event, a command or an
 * interaction but lacks what Bolt needs to route it; returns it unchanged otherwise.
 */
export function checkEnvelope(body: Record<string, unknown>): Record<string, unknown> {
  const schema = schemaFor(body);
  if (schema && !schema.safeParse(body).success) throw new InvalidInputError('the request is not a well-formed Slack event, command or interaction');
  return body;
}

function schemaFor(body: Record<string, unknown>): z.ZodType | undefined {
  if (body.event !== undefined) return EventBody;
  if (body.command !== undefined) return CommandBody;
  const type = typeof body.type === 'string' ? body.type : undefined;
  if (type && VIEW_TYPES.has(type)) return ViewBody;
  if (body.name !== undefined || body.actions !== undefined || (type && INTERACTIVE_TYPES.has(type))) return InteractiveBody;
  return undefined;
}
