import type { Kysely } from 'kysely';
import type { Principal } from '../core/activity.js';
import { ForbiddenError, UnauthorizedError } from '../core/errors.js';
import type { Caller, ToolResult } from '../core/tools.js';
import { findStaffUser, type Database } from '../store/index.js';
import type { Language } from './messages/index.js';
import type { ToolRegistry } from './tools/registry.js';

export interface DirectCallOptions {
  db: Kysely<Database>;
  tools: ToolRegistry;
  now: Date;
  /** Who the request's token names; a call without one is refused. */
  principal: Principal | undefined;
  tool: string;
  args: unknown;
  /** @defaultValue 'en' */
  language?: Language;
  signal?: AbortSignal;
}

/**
 * Calls one tool outside a conversation, for the REST operations endpoints.
 *
 * @remarks The same registry as chat: arguments checked by the tool's schema, the role checked,
 * the call audited, all in one transaction. Refusals are thrown as typed errors so the REST
 * layer answers 400/403/404 like any other request.
 */
export async function callToolDirectly(options: DirectCallOptions): Promise<ToolResult> {
  const caller = await callerFor(options.db, options.principal);
  return options.db.transaction().execute(async (trx) => {
    const outcome = await options.tools.call({
      db: trx, caller, tool: options.tool, args: options.args, now: options.now, signal: options.signal, language: options.language,
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.result;
  });
}

async function callerFor(db: Kysely<Database>, principal: Principal | undefined): Promise<Caller> {
  if (!principal) throw new UnauthorizedError('a signed token is required');
  if (principal.kind === 'customer') return { role: 'customer', customerId: principal.customerId };
  const staff = await findStaffUser(db, principal.staffId);
  if (!staff) throw new ForbiddenError('this staff user is not registered');
  return { role: 'staff', staffId: staff.id, staffRole: staff.role };
}
