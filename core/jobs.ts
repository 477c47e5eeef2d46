import type { z } from 'zod';
import { CounterpartError, InvalidInputError } from './errors.js';

/**
 * The background-job port: sentiment scoring, alert rules, knowledge-base re-indexing and NLU
 * retraining run behind one {@link JobQueue}. Implementations: BullMQ on Redis (`jobs/bullmq.ts`,
 * workers may live in other processes) and an in-process queue on timers (`jobs/in-process.ts`).
 *
 * @remarks Delivery is at least once: a worker that dies mid-job leaves the job to be run again,
 * so handlers must be idempotent (upserts keyed by the job's subject, not blind inserts).
 */

/** What a handler gets besides its payload. */
export interface JobContext {
  /** Aborted when the queue closes and the job outlasts the close timeout (at once with `drain: false`): stop and throw. */
  readonly signal: AbortSignal;
  /** 1 on the first run, 2 on the first retry, and so on. */
  readonly attempt: number;
  readonly jobId: string;
}

/** Delay before retry `n` (1-based): `fixed` waits `delayMs` each time, `exponential` `delayMs · 2^(n-1)`. */
export interface JobBackoff {
  type: 'exponential' | 'fixed';
  delayMs: number;
}

/**
 * One kind of job: its queue name, payload schema and handler.
 *
 * @remarks The payload travels as JSON (Redis stores it so), so the schema should describe JSON:
 * ISO strings rather than `Date`s. It is checked when the job is added (after a JSON round trip,
 * so what passes is what the worker will see) and again before the handler runs.
 */
export interface JobDefinition<N extends string = string, S extends z.ZodType = z.ZodType> {
  /** Queue name: kebab-case, unique among the definitions of one queue. */
  readonly name: N;
  readonly schema: S;
  /** Must be idempotent: the same job may run more than once. Throw {@link UnrecoverableJobError} to skip retries. */
  handler(data: z.output<S>, ctx: JobContext): Promise<void>;
  /** Runs in total, the first included. @defaultValue 3 */
  readonly attempts?: number;
  /** @defaultValue `{ type: 'exponential', delayMs: 1000 }` */
  readonly backoff?: JobBackoff;
  /** Jobs of this kind one worker runs at once; overrides `start({ concurrency })`. */
  readonly concurrency?: number;
}

/** Any job definition, for collections of them. */
export type AnyJobDefinition = JobDefinition<string, z.ZodType>;
export type JobDefinitions = readonly AnyJobDefinition[];
/** The names of a list of definitions. */
export type JobName<D extends JobDefinitions> = D[number]['name'];
/** The payload `add` accepts for job `N` (the schema's input type). */
export type JobInput<D extends JobDefinitions, N extends JobName<D>> = z.input<Extract<D[number], { name: N }>['schema']>;

/** @defaultValue 3 */
export const DEFAULT_JOB_ATTEMPTS = 3;
export const DEFAULT_JOB_BACKOFF: JobBackoff = { type: 'exponential', delayMs: 1_000 };

const JOB_NAME = /^[a-z][a-z0-9-]{0,62}$/;
// BullMQ refuses custom ids that are integers or contain ':'; both implementations refuse the same.
const JOB_ID = /^[A-Za-z0-9_.@=+-]{1,200}$/;

/**
 * Declares a job kind, keeping its name as a literal type so `add` checks names and payloads.
 *
 * @example
 * export const pingJob = defineJob({ name: 'ping', schema: z.object({ note: z.string().optional() }), async handler() {} });
 */
export function defineJob<const N extends string, S extends z.ZodType>(definition: JobDefinition<N, S>): JobDefinition<N, S> {
  if (!JOB_NAME.test(definition.name)) throw new InvalidInputError(`job name must be kebab-case: ${definition.name}`);
  if (definition.attempts !== undefined && !(Number.isInteger(definition.attempts) && definition.attempts >= 1)) {
    throw new InvalidInputError(`job ${definition.name}: attempts must be a positive integer`);
  }
  return definition;
}

/** Options for {@link JobQueue.add}. */
export interface AddJobOptions {
  /** Makes the add idempotent: a second add with an id the queue still holds is ignored. Not all digits; letters, digits, `_.@=+-`. */
  jobId?: string;
  /** Run no earlier than this many milliseconds from now. @defaultValue 0 */
  delayMs?: number;
}

/** Options for {@link JobQueue.repeat}. */
export interface RepeatJobOptions {
  /** Interval between runs; the first run is immediate. */
  everyMs: number;
  /** Identifies the schedule: repeating again with the same name and key replaces it. */
  key: string;
}

/** Options for {@link JobQueue.start}. */
export interface StartJobsOptions {
  /** Jobs of each kind run at once, unless the definition says otherwise. @defaultValue 1 */
  concurrency?: number;
}

/** Options for {@link JobQueue.close}. */
export interface CloseJobsOptions {
  /** Let running jobs finish (up to `timeoutMs`); `false` aborts them at once. @defaultValue true */
  drain?: boolean;
  /** How long to wait for running jobs before aborting their signals. @defaultValue 30000 */
  timeoutMs?: number;
  /** After aborting, how long handlers get to notice before the queue stops waiting. @defaultValue 2000 */
  abortGraceMs?: number;
}

/** A job that failed on its last attempt, or with {@link UnrecoverableJobError}. */
export interface DeadLetter {
  jobId: string;
  name: string;
  data: unknown;
  /** The message of the last error. */
  error: string;
  /** Runs made, the failed last one included. */
  attempts: number;
  failedAt: Date;
}

/** Job counts of one queue, for metrics. `failed` counts dead letters (retries waiting are `delayed`). */
export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

/**
 * Background jobs: add, schedule, process, shut down.
 *
 * @remarks A queue that only produces (a web server adding jobs for a separate worker process)
 * never calls `start`. Every method validates names and payloads and throws {@link InvalidInputError}.
 */
export interface JobQueue<D extends JobDefinitions = JobDefinitions> {
  /** Enqueues a job; resolves with its id once it is stored. */
  add<N extends JobName<D>>(name: N, data: JobInput<D, N>, options?: AddJobOptions): Promise<{ jobId: string }>;
  /** Creates or replaces the schedule `key` of job `name`. */
  repeat<N extends JobName<D>>(name: N, data: JobInput<D, N>, options: RepeatJobOptions): Promise<void>;
  /** Removes a schedule; resolves `false` when there was none. */
  unrepeat(name: JobName<D>, key: string): Promise<boolean>;
  /** Begins processing every defined job kind. */
  start(options?: StartJobsOptions): Promise<void>;
  /** Stops taking jobs, finishes or aborts running ones, and releases timers and connections. */
  close(options?: CloseJobsOptions): Promise<void>;
  /** Dead letters of job `name`, newest first; `limit` @defaultValue 100. */
  deadLetters(name: JobName<D>, options?: { limit?: number }): Promise<DeadLetter[]>;
  counts(): Promise<Record<JobName<D>, JobCounts>>;
}

/** Thrown by a handler when retrying cannot help (the order no longer exists): the job is dead-lettered at once. */
export class UnrecoverableJobError extends CounterpartError {
  constructor(message: string, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super({ code: 'job_unrecoverable', message, retryable: false, ...options });
  }
}

/** Milliseconds to wait before retry number `retry` (1 for the first retry). */
export function backoffDelay(backoff: JobBackoff, retry: number): number {
  return backoff.type === 'fixed' ? backoff.delayMs : Math.round(backoff.delayMs * 2 ** (retry - 1));
}

/** Finds a definition by name or throws {@link InvalidInputError}. */
export function findJobDefinition<D extends JobDefinitions>(definitions: D, name: string): D[number] {
  const definition = definitions.find((d) => d.name === name);
  if (!definition) throw new InvalidInputError(`unknown job: ${name}`);
  return definition;
}

/**
 * Turns a payload into what the queue stores: its JSON round trip, checked against the schema.
 * Throws {@link InvalidInputError} listing the problems.
 */
export function toJobPayload(definition: AnyJobDefinition, data: unknown): unknown {
  let json: unknown;
  try {
    json = data === undefined ? undefined : JSON.parse(JSON.stringify(data));
  } catch (error) {
    throw new InvalidInputError(`job ${definition.name}: payload is not JSON`, { cause: String(error) });
  }
  const parsed = definition.schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new InvalidInputError(`job ${definition.name}: invalid payload: ${problems}`);
  }
  return json;
}

/** Checks add options shared by every implementation. */
export function checkAddOptions(options: AddJobOptions): void {
  const { jobId, delayMs } = options;
  if (jobId !== undefined && (!JOB_ID.test(jobId) || /^\d+$/.test(jobId))) throw new InvalidInputError(`invalid job id: ${jobId}`);
  if (delayMs !== undefined && !(Number.isFinite(delayMs) && delayMs >= 0)) throw new InvalidInputError(`invalid delay: ${delayMs}`);
}

/** Checks repeat options shared by every implementation. */
export function checkRepeatOptions(options: RepeatJobOptions): void {
  if (!(Number.isFinite(options.everyMs) && options.everyMs >= 1)) throw new InvalidInputError(`invalid repeat interval: ${options.everyMs}`);
  if (!JOB_ID.test(options.key)) throw new InvalidInputError(`invalid repeat key: ${options.key}`);
}

/** The close options with their defaults applied. */
export function closeDefaults(options: CloseJobsOptions = {}): Required<CloseJobsOptions> {
  return { drain: options.drain ?? true, timeoutMs: options.timeoutMs ?? 30_000, abortGraceMs: options.abortGraceMs ?? 2_000 };
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
