import type { Kysely } from 'kysely';
import { CounterpartError, ForbiddenError, InvalidInputError, NotFoundError } from '../../core/errors.js';
import type { Caller, ToolContext, ToolDefinition, ToolResult } from '../../core/tools.js';
import { insertAudit, type Database } from '../../store/index.js';
import { DEFAULT_LANGUAGE, messagesIn, type Language } from '../messages/index.js';

/** What a bot tool runs with: the store, and the language its result text is written in. */
export interface BotToolContext extends ToolContext<Kysely<Database>> {
  language: Language;
}

/**
 * A tool as the bot registers it: arguments typed by its zod schema, run against the store.
 *
 * @remarks A `ToolDefinition` whose context also names the customer's language, because the
 * result text goes to the customer as it is.
 */
export interface BotTool<Args = never, Out = unknown> extends Omit<ToolDefinition<Args, Kysely<Database>, Out>, 'run' | 'preview'> {
  run(ctx: BotToolContext, args: Args): Promise<ToolResult<Out>>;
  preview?(ctx: BotToolContext, args: Args): Promise<ToolResult<unknown>>;
}

// Tools are stored type-erased; `call` re-validates arguments with each tool's own schema.
type AnyTool = BotTool<unknown, unknown>;

export interface CallOptions {
  db: Kysely<Database>;
  caller: Caller;
  tool: string;
  args: unknown;
  now: Date;
  signal?: AbortSignal;
  /**
   * Language of the result text.
   * @defaultValue 'en'
   */
  language?: Language;
}

/** Outcome of one call, as recorded in the audit log. */
export type ToolOutcome =
  | { ok: true; result: ToolResult }
  | { ok: false; error: CounterpartError };

/**
 * The single place tools are registered and called.
 *
 * @remarks Every call is validated, role-checked and audited (who, what, arguments, result)
 * in the caller's transaction, so the audit row commits or rolls back with the change itself.
 */
export class ToolRegistry {
  private readonly tools = new Map<string, AnyTool>();

  register<Args, Out>(tool: BotTool<Args, Out>): this {
    if (this.tools.has(tool.name)) throw new InvalidInputError(`tool ${tool.name} is already registered`);
    this.tools.set(tool.name, tool as unknown as AnyTool);
    return this;
  }

  get(name: string): AnyTool {
    const tool = this.tools.get(name);
    if (!tool) throw new NotFoundError(`tool ${name}`);
    return tool;
  }

  list(): AnyTool[] {
    return [...this.tools.values()];
  }

  /**
   * Validates, authorises, runs and audits one call. Expected refusals (rules, ownership,
   * bad arguments) come back as `{ok: false}`; anything else is thrown so the turn rolls back.
   */
  async call(options: CallOptions): Promise<ToolOutcome> {
    const tool = this.get(options.tool);
    const outcome = await this.run(tool, options);
    await insertAudit(options.db, {
      at: options.now.toISOString(),
      actor_type: options.caller.role,
      actor_id: actorId(options.caller),
      conversation_id: options.caller.conversationId ?? null,
      tool: tool.name,
      arguments: JSON.stringify(options.args ?? null),
      result: JSON.stringify(outcome.ok ? outcome.result.data : { code: outcome.error.code, message: outcome.error.message }),
      outcome: outcome.ok ? 'ok' : 'refused',
    });
    return outcome;
  }

  /** Runs a state-changing tool's `preview`: the same checks, nothing written, nothing audited. */
  async preview(options: CallOptions): Promise<ToolOutcome> {
    const tool = this.get(options.tool);
    return this.run(tool, options, 'preview');
  }

  private async run(tool: AnyTool, options: Omit<CallOptions, 'tool'>, mode: 'run' | 'preview' = 'run'): Promise<ToolOutcome> {
    if (!allowed(tool, options.caller)) {
      const who = options.caller.staffRole ? `staff role ${options.caller.staffRole}` : `role ${options.caller.role}`;
      return { ok: false, error: new ForbiddenError(`${who} may not call ${tool.name}`, { tool: tool.name }) };
    }
    const parsed = tool.args.safeParse(options.args);
    if (!parsed.success) {
      return { ok: false, error: new InvalidInputError(`invalid arguments for ${tool.name}`, { issues: parsed.error.issues.map((i) => i.message) }) };
    }
    try {
      const language = options.language ?? DEFAULT_LANGUAGE;
      const ctx: BotToolContext = { caller: options.caller, db: options.db, now: options.now, signal: options.signal, language };
      if (mode === 'preview') {
        // A tool without a preview has nothing to check ahead; never run it to find out.
        return { ok: true, result: tool.preview ? await tool.preview(ctx, parsed.data) : { data: null, text: messagesIn(language).confirmTool({ tool: tool.name }) } };
      }
      const result = await tool.run(ctx, parsed.data);
      return { ok: true, result };
    } catch (error) {
      if (error instanceof CounterpartError && !error.retryable) return { ok: false, error };
      throw error;
    }
  }
}

/** The caller's role is listed, and a staff caller's own role too when the tool names staff roles. */
function allowed(tool: AnyTool, caller: Caller): boolean {
  if (!tool.roles.includes(caller.role)) return false;
  if (caller.role !== 'staff' || tool.staffRoles === undefined) return true;
  return caller.staffRole !== undefined && tool.staffRoles.includes(caller.staffRole);
}

function actorId(caller: Caller): string | null {
  if (caller.customerId !== undefined) return String(caller.customerId);
  if (caller.staffId !== undefined) return String(caller.staffId);
  return null;
}
