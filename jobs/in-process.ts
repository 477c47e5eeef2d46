import { randomUUID } from 'node:crypto';
import { DependencyError } from '../core/errors.js';
import {
  backoffDelay, checkAddOptions, checkRepeatOptions, closeDefaults, DEFAULT_JOB_ATTEMPTS, DEFAULT_JOB_BACKOFF, errorMessage,
  findJobDefinition, toJobPayload, UnrecoverableJobError,
  type AddJobOptions, type AnyJobDefinition, type CloseJobsOptions, type DeadLetter, type JobCounts, type JobDefinitions,
  type JobInput, type JobName, type JobQueue, type RepeatJobOptions, type StartJobsOptions,
} from '../core/jobs.js';
import { silentLogger, type Logger } from '../core/logger.js';
import { settledWithin } from '../core/timing.js';

/** Options for {@link InProcessJobQueue}. */
export interface InProcessJobQueueOptions<D extends JobDefinitions> {
  definitions: D;
  /** @defaultValue silent */
  logger?: Logger;
  /** Ids of completed jobs remembered per kind, so that re-adding them is ignored. @defaultValue 10000 */
  keepCompleted?: number;
  /** Dead letters kept per kind, newest first. @defaultValue 1000 */
  keepDeadLetters?: number;
}

interface Entry {
  id: string;
  data: unknown;
  attemptsMade: number;
  /** The schedule that made it, for repeat iterations. */
  repeatKey?: string;
}

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

/** The state of one job kind. */
interface Lane {
  definition: AnyJobDefinition;
  concurrency: number;
  waiting: Entry[];
  delayed: Map<string, { entry: Entry; timer: NodeJS.Timeout }>;
  active: Map<string, Running>;
  dead: DeadLetter[];
  completed: Set<string>;
  schedules: Map<string, NodeJS.Timeout>;
}

/**
 * A {@link JobQueue} in this process, on timers: the default when no Redis is configured.
 *
 * @remarks Retries, back-off, delays, schedules and dead letters behave as on BullMQ, and payloads
 * take the same JSON round trip, but nothing survives a restart: jobs still waiting when the
 * process exits are lost (and logged at `close`).
 */
export class InProcessJobQueue<D extends JobDefinitions> implements JobQueue<D> {
  private readonly lanes = new Map<string, Lane>();
  private readonly logger: Logger;
  private readonly keepCompleted: number;
  private readonly keepDeadLetters: number;
  private started = false;
  private closing?: Promise<void>;

  constructor(private readonly options: InProcessJobQueueOptions<D>) {
    this.logger = options.logger ?? silentLogger;
    this.keepCompleted = options.keepCompleted ?? 10_000;
    this.keepDeadLetters = options.keepDeadLetters ?? 1_000;
    for (const definition of options.definitions) {
      this.lanes.set(definition.name, {
        definition, concurrency: 1, waiting: [], delayed: new Map(), active: new Map(), dead: [], completed: new Set(), schedules: new Map(),
      });
    }
  }

  async add<N extends JobName<D>>(name: N, data: JobInput<D, N>, options: AddJobOptions = {}): Promise<{ jobId: string }> {
    const lane = this.open(name);
    checkAddOptions(options);
    const payload = toJobPayload(lane.definition, data);
    const jobId = options.jobId ?? randomUUID();
    if (options.jobId !== undefined && this.holds(lane, jobId)) return { jobId };
    this.enqueue(lane, { id: jobId, data: payload, attemptsMade: 0 }, options.delayMs ?? 0);
    return { jobId };
  }

  async repeat<N extends JobName<D>>(name: N, data: JobInput<D, N>, options: RepeatJobOptions): Promise<void> {
    const lane = this.open(name);
    checkRepeatOptions(options);
    const payload = toJobPayload(lane.definition, data);
    this.clearSchedule(lane, options.key);
    const fire = () => {
      // Like a BullMQ scheduler: at most one iteration waits at a time, so a slow handler is not buried.
      const pending = lane.waiting.some((e) => e.repeatKey === options.key) || [...lane.delayed.values()].some((d) => d.entry.repeatKey === options.key);
      if (!pending) this.enqueue(lane, { id: `repeat-${options.key}-${Date.now()}`, data: payload, attemptsMade: 0, repeatKey: options.key }, 0);
    };
    fire();
    lane.schedules.set(options.key, setInterval(fire, options.everyMs));
  }

  async unrepeat(name: JobName<D>, key: string): Promise<boolean> {
    const lane = this.lane(name);
    const existed = lane.schedules.has(key);
    this.clearSchedule(lane, key);
    return existed;
  }

  async start(options: StartJobsOptions = {}): Promise<void> {
    if (this.closing) throw new DependencyError('job queue is closed');
    for (const lane of this.lanes.values()) {
      lane.concurrency = Math.max(1, lane.definition.concurrency ?? options.concurrency ?? 1);
    }
    this.started = true;
    for (const lane of this.lanes.values()) this.pump(lane);
  }

  close(options?: CloseJobsOptions): Promise<void> {
    this.closing ??= this.shutDown(closeDefaults(options));
    return this.closing;
  }

  async deadLetters(name: JobName<D>, options: { limit?: number } = {}): Promise<DeadLetter[]> {
    return this.lane(name).dead.slice(0, options.limit ?? 100).map((d) => ({ ...d }));
  }

  async counts(): Promise<Record<JobName<D>, JobCounts>> {
    const counts: Record<string, JobCounts> = {};
    for (const [name, lane] of this.lanes) {
      counts[name] = { waiting: lane.waiting.length, active: lane.active.size, delayed: lane.delayed.size, failed: lane.dead.length };
    }
    return counts as Record<JobName<D>, JobCounts>;
  }

  private lane(name: string): Lane {
    findJobDefinition(this.options.definitions, name);
    return this.lanes.get(name)!;
  }

  /** The lane of a job being added: refused once closing, since nothing would ever run it. */
  private open(name: string): Lane {
    const lane = this.lane(name);
    if (this.closing) throw new DependencyError('job queue is closed');
    return lane;
  }

  private holds(lane: Lane, jobId: string): boolean {
    return lane.completed.has(jobId) || lane.active.has(jobId) || lane.delayed.has(jobId)
      || lane.waiting.some((e) => e.id === jobId) || lane.dead.some((d) => d.jobId === jobId);
  }

  private enqueue(lane: Lane, entry: Entry, delayMs: number): void {
    if (delayMs <= 0) {
      lane.waiting.push(entry);
      this.pump(lane);
      return;
    }
    const timer = setTimeout(() => {
      lane.delayed.delete(entry.id);
      lane.waiting.push(entry);
      this.pump(lane);
    }, delayMs);
    lane.delayed.set(entry.id, { entry, timer });
  }

  private clearSchedule(lane: Lane, key: string): void {
    clearInterval(lane.schedules.get(key));
    lane.schedules.delete(key);
    lane.waiting = lane.waiting.filter((e) => e.repeatKey !== key);
    for (const [id, { entry, timer }] of lane.delayed) {
      if (entry.repeatKey === key) {
        clearTimeout(timer);
        lane.delayed.delete(id);
      }
    }
  }

  private pump(lane: Lane): void {
    if (!this.started || this.closing) return;
    while (lane.active.size < lane.concurrency) {
      const entry = lane.waiting.shift();
      if (!entry) return;
      const controller = new AbortController();
      const done = this.execute(lane, entry, controller.signal).finally(() => {
        lane.active.delete(entry.id);
        this.pump(lane);
      });
      lane.active.set(entry.id, { controller, done });
    }
  }

  private async execute(lane: Lane, entry: Entry, signal: AbortSignal): Promise<void> {
    const { definition } = lane;
    const attempt = entry.attemptsMade + 1;
    try {
      const parsed = definition.schema.safeParse(entry.data);
      if (!parsed.success) throw new UnrecoverableJobError(`job ${definition.name}: stored payload no longer matches its schema`);
      await definition.handler(parsed.data, { signal, attempt, jobId: entry.id });
      remember(lane.completed, entry.id, this.keepCompleted);
    } catch (error) {
      entry.attemptsMade = attempt;
      this.failed(lane, entry, error);
    }
  }

  private failed(lane: Lane, entry: Entry, error: unknown): void {
    const { definition } = lane;
    const log = { job: definition.name, jobId: entry.id, attempt: entry.attemptsMade, err: error };
    if (this.closing) {
      this.logger.warn(log, 'job failed during shutdown; not retried (in-process jobs do not outlive the process)');
      return;
    }
    const attempts = definition.attempts ?? DEFAULT_JOB_ATTEMPTS;
    if (error instanceof UnrecoverableJobError || entry.attemptsMade >= attempts) {
      lane.dead.unshift({ jobId: entry.id, name: definition.name, data: entry.data, error: errorMessage(error), attempts: entry.attemptsMade, failedAt: new Date() });
      lane.dead.length = Math.min(lane.dead.length, this.keepDeadLetters);
      this.logger.error(log, 'job dead-lettered');
      return;
    }
    const delayMs = backoffDelay(definition.backoff ?? DEFAULT_JOB_BACKOFF, entry.attemptsMade);
    this.logger.warn({ ...log, retryInMs: delayMs }, 'job failed; will retry');
    this.enqueue(lane, entry, delayMs);
  }

  private async shutDown(options: Required<CloseJobsOptions>): Promise<void> {
    const lanes = [...this.lanes.values()];
    let dropped = 0;
    for (const lane of lanes) {
      for (const key of [...lane.schedules.keys()]) this.clearSchedule(lane, key);
      for (const { timer } of lane.delayed.values()) clearTimeout(timer);
      dropped += lane.waiting.length + lane.delayed.size;
      lane.waiting = [];
      lane.delayed.clear();
    }
    const running = lanes.flatMap((lane) => [...lane.active.values()]);
    const all = Promise.allSettled(running.map((r) => r.done));
    if (options.drain && !(await settledWithin(all, options.timeoutMs))) {
      this.logger.warn({ running: running.length, timeoutMs: options.timeoutMs }, 'jobs still running at shutdown timeout; aborting them');
    }
    for (const r of running) r.controller.abort(new DependencyError('job queue is shutting down'));
    if (!(await settledWithin(all, options.abortGraceMs))) this.logger.error({}, 'jobs ignored their abort signal; leaving them behind');
    if (dropped > 0) this.logger.warn({ dropped }, 'in-process jobs dropped at shutdown');
  }
}

/** Adds `id` to an insertion-ordered set, forgetting the oldest beyond `limit`. */
function remember(ids: Set<string>, id: string, limit: number): void {
  ids.add(id);
  for (const oldest of ids) {
    if (ids.size <= limit) break;
    ids.delete(oldest);
  }
}
