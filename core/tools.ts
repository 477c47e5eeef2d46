import type { z } from 'zod';
import type { Role, Source } from './activity.js';
import type { StaffRole } from './staff.js';
import type { ReplyTable } from './table.js';

/** Who is calling a tool. Tools check ownership against `customerId`. */
export interface Caller {
  role: Role;
  /** Set for identified customers. */
  customerId?: number;
  /** Set for staff users. */
  staffId?: number;
  /** The staff user's role; tools that name `staffRoles` check it. */
  staffRole?: StaffRole;
  conversationId?: string;
}

/** What a tool returns: data for the composer and a plain-text summary for any channel. */
export interface ToolResult<T = unknown> {
  data: T;
  /** User-facing text that describes the result. */
  text: string;
  /** The result's tables, also spelled out in `text`, for channels that draw tables. */
  tables?: ReplyTable[];
}

/** Context handed to every tool call. `db` is typed by the store; tools use it inside the given transaction. */
export interface ToolContext<Db = unknown> {
  caller: Caller;
  db: Db;
  now: Date;
  signal?: AbortSignal;
}

/**
 * A typed tool the bot can call.
 *
 * @remarks Registered once: name, description, zod arguments, roles allowed and whether it
 * changes state (state-changing tools always ask the user to confirm first).
 */
export interface ToolDefinition<Args = unknown, Db = unknown, Out = unknown> {
  name: string;
  description: string;
  args: z.ZodType<Args>;
  roles: readonly Role[];
  /**
   * Staff roles allowed, when `roles` includes `staff`.
   * @defaultValue every staff role
   */
  staffRoles?: readonly StaffRole[];
  changesState: boolean;
  run(ctx: ToolContext<Db>, args: Args): Promise<ToolResult<Out>>;
  /**
   * For state-changing tools: checks the same rules as `run` and describes what would happen,
   * changing nothing. The bot shows this text when it asks for confirmation, so a refusal
   * comes before the question, not after the user said yes.
   */
  preview?(ctx: ToolContext<Db>, args: Args): Promise<ToolResult<unknown>>;
}

/** A knowledge-base answer with where it comes from. */
export interface KnowledgeAnswer {
  text: string;
  sources: Source[];
  chunkIds: string[];
  related: Source[];
  score: number;
}

/** Port for knowledge-base retrieval; the retrieval module implements it. */
export interface KnowledgeBase {
  answer(question: string, options?: { language?: string; signal?: AbortSignal }): Promise<KnowledgeAnswer | null>;
}

/** Source of the current time, injectable for tests. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
