import { Queue, UnrecoverableError, WaitingError, Worker, type Job, type JobsOptions, type RedisOptions } from 'bullmq';
import { CounterpartError, DependencyError } from '../core/errors.js';
import {
  checkAddOptions, checkRepeatOptions, closeDefaults, DEFAULT_JOB_ATTEMPTS, DEFAULT_JOB_BACKOFF, errorMessage, findJobDefinition,
  toJobPayload, UnrecoverableJobError,
  type AddJobOptions, type AnyJobDefinition, type CloseJobsOptions, type DeadLetter, type JobCounts, type JobDefinitions,
  type JobInput, type JobName, type JobQueue, type RepeatJobOptions, type StartJobsOptions,
} from '../core/jobs.js';
import { silentLogger, type Logger } from '../core/logger.js';
import { settledWithin } from '../core/timing.js';

/** Options for {@link BullMqJobQueue}. */
export interface BullMqJobQueueOptions<D extends JobDefinitions> {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://`). */
  redisUrl: string;
  definitions: D;
  /** Namespace of every Redis key; tests use a unique one each. @defaultValue counterpart */
  prefix?: string;
  /** @defaultValue silent */
  logger?: Logger;
  /** Completed jobs kept per kind: while kept, re-adding their `jobId` is ignored. @defaultValue 10000 */
  keepCompleted?: number;
  /** Dead letters (final failures) kept per kind. @defaultValue 1000 */
  keepDeadLetters?: number;
  /**
   * How long a worker's hold on a running job lasts without renewal. A worker killed mid-job
   * stops renewing; after this (plus up to one stalled-check interval, the same length) another
   * worker runs the job again, so handlers must be idempotent. @defaultValue 30000 (BullMQ's)
   */
  lockDurationMs?: number;
}

/**
 * A {@link JobQueue} on BullMQ: one BullMQ queue per job kind, so each kind has its own
 * concurrency, counts and dead letters, and workers may run in other processes (`npm run worker`).
 *
 * @remarks Dead letters are BullMQ's failed set: BullMQ moves a job there only after its last
 * attempt (or on `UnrecoverableError`), atomically, keeping payload, reason, stack and attempts.
 * A separate `<name>:dead` queue would add a second, non-atomic write on the failure path (a
 * crash between the two loses or doubles the letter) and a second copy of every payload.
 * Connections: each kind holds one for its Queue (fails fast: `maxRetriesPerRequest: 1`) and,
 * once started, two for its Worker (`maxRetriesPerRequest: null`, as BullMQ requires).
 */
export class BullMqJobQueue<D extends JobDefinitions> implements JobQueue<D> {
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly logger: Logger;
  private readonly connection: RedisOptions;
  private readonly prefix: string;
  private shuttingDown = false;
  private closing?: Promise<void>;

  constructor(private readonly options: BullMqJobQueueOptions<D>) {
    this.logger = options.logger ?? silentLogger;
    this.prefix = options.prefix ?? 'counterpart';
    this.connection = { url: options.redisUrl };
    for (const definition of options.definitions) {
      const queue = new Queue(definition.name, {
        connection: { ...this.connection, maxRetriesPerRequest: 1 },
        prefix: this.prefix,
        defaultJobOptions: this.jobOptions(definition),
      });
      queue.on('error', (error) => this.logger.error({ job: definition.name, err: error }, 'job queue connection error'));
      this.queues.set(definition.name, queue);
    }
  }

  async add<N extends JobName<D>>(name: N, data: JobInput<D, N>, options: AddJobOptions = {}): Promise<{ jobId: string }> {
    const { definition, queue } = this.open(name);
    checkAddOptions(options);
    const payload = toJobPayload(definition, data);
    const job = await dependency('could not add a job', () => queue.add(name, payload, { jobId: options.jobId, delay: options.delayMs }));
    return { jobId: job.id ?? options.jobId ?? '' };
  }

  async repeat<N extends JobName<D>>(name: N, data: JobInput<D, N>, options: RepeatJobOptions): Promise<void> {
    const { definition, queue } = this.open(name);
    checkRepeatOptions(options);
    const payload = toJobPayload(definition, data);
    await dependency('could not schedule a job', () =>
      queue.upsertJobScheduler(options.key, { every: options.everyMs }, { name, data: payload, opts: this.jobOptions(definition) }));
  }

  async unrepeat(name: JobName<D>, key: string): Promise<boolean> {
    const { queue } = this.get(name);
    return dependency('could not remove a schedule', () => queue.removeJobScheduler(key));
  }

  async start(options: StartJobsOptions = {}): Promise<void> {
    if (this.closing) throw new DependencyError('job queue is closed');
    if (this.workers.length > 0) return;
    for (const definition of this.options.definitions) {
      const worker = new Worker(definition.name, (job, token, signal) => this.process(definition, { job, token, signal }), {
        connection: { ...this.connection, maxRetriesPerRequest: null },
        prefix: this.prefix,
        concurrency: Math.max(1, definition.concurrency ?? options.concurrency ?? 1),
        ...(this.options.lockDurationMs ? { lockDuration: this.options.lockDurationMs, stalledInterval: this.options.lockDurationMs } : {}),
      });
      worker.on('error', (error) => this.logger.error({ job: definition.name, err: error }, 'job worker error'));
      worker.on('failed', (job, error) => this.logFailure(definition, job, error));
      this.workers.push(worker);
    }
    await dependency('could not start job workers', () => Promise.all(this.workers.map((w) => w.waitUntilReady())));
  }

  close(options?: CloseJobsOptions): Promise<void> {
    this.closing ??= this.shutDown(closeDefaults(options));
    return this.closing;
  }

  async deadLetters(name: JobName<D>, options: { limit?: number } = {}): Promise<DeadLetter[]> {
    const { queue } = this.get(name);
    const jobs = await dependency('could not list dead letters', () => queue.getFailed(0, (options.limit ?? 100) - 1));
    return jobs.map((job) => ({
      jobId: job.id ?? '', name: job.name, data: job.data, error: job.failedReason,
      attempts: job.attemptsMade, failedAt: new Date(job.finishedOn ?? job.timestamp),
    }));
  }

  async counts(): Promise<Record<JobName<D>, JobCounts>> {
    const entries = await dependency('could not count jobs', () => Promise.all([...this.queues].map(async ([name, queue]) => {
      const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
      const counts: JobCounts = { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
      return [name, counts] as const;
    })));
    return Object.fromEntries(entries) as Record<JobName<D>, JobCounts>;
  }

  /**
   * Deletes every key of every kind under this prefix (jobs, schedules, dead letters).
   * For tests and for tearing a tenant down; call before {@link close}.
   */
  async obliterate(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.obliterate({ force: true })));
  }

  private jobOptions(definition: AnyJobDefinition): JobsOptions {
    const backoff = definition.backoff ?? DEFAULT_JOB_BACKOFF;
    return {
      attempts: definition.attempts ?? DEFAULT_JOB_ATTEMPTS,
      backoff: { type: backoff.type, delay: backoff.delayMs },
      removeOnComplete: { count: this.options.keepCompleted ?? 10_000 },
      removeOnFail: { count: this.options.keepDeadLetters ?? 1_000 },
    };
  }

  private get(name: string): { definition: AnyJobDefinition; queue: Queue } {
    const definition = findJobDefinition(this.options.definitions, name);
    return { definition, queue: this.queues.get(name)! };
  }

  private open(name: string): { definition: AnyJobDefinition; queue: Queue } {
    const found = this.get(name);
    if (this.closing) throw new DependencyError('job queue is closed');
    return found;
  }

  private async process(definition: AnyJobDefinition, run: { job: Job; token?: string; signal?: AbortSignal }): Promise<void> {
    const { job, token, signal = new AbortController().signal } = run;
    const parsed = definition.schema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`job ${definition.name}: stored payload no longer matches its schema`);
    try {
      await definition.handler(parsed.data, { signal, attempt: job.attemptsMade + 1, jobId: job.id ?? '' });
    } catch (error) {
      if (this.shuttingDown && signal.aborted && token) {
        // Shutdown stopped it, not the job's own fault: back to waiting without spending an attempt.
        await job.moveToWait(token);
        throw new WaitingError();
      }
      // BullMQ recognises its own class (or name) only.
      if (error instanceof UnrecoverableJobError) throw new UnrecoverableError(error.message);
      if (error instanceof Error) throw error;
      throw new CounterpartError({ code: 'job_failed', message: errorMessage(error), retryable: true });
    }
  }

  private logFailure(definition: AnyJobDefinition, job: Job | undefined, error: Error): void {
    const attempts = job?.opts.attempts ?? 1;
    const final = job === undefined || error.name === 'UnrecoverableError' || job.attemptsMade >= attempts;
    const log = { job: definition.name, jobId: job?.id, attempt: job?.attemptsMade, err: error };
    if (final) this.logger.error(log, 'job dead-lettered');
    else this.logger.warn(log, 'job failed; will retry');
  }

  private async shutDown(options: Required<CloseJobsOptions>): Promise<void> {
    this.shuttingDown = true;
    const workersClosed = Promise.allSettled(this.workers.map((w) => w.close()));
    if (!options.drain || !(await settledWithin(workersClosed, options.timeoutMs))) {
      if (options.drain) this.logger.warn({ timeoutMs: options.timeoutMs }, 'jobs still running at shutdown timeout; aborting them');
      for (const worker of this.workers) worker.cancelAllJobs('job queue is shutting down');
      if (!(await settledWithin(workersClosed, options.abortGraceMs))) {
        // Their locks expire and BullMQ's stalled check hands those jobs to another worker.
        this.logger.error({}, 'jobs ignored their abort signal; leaving them behind');
      }
    }
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}

/** Runs a Redis call, turning a failure into a {@link DependencyError}. */
async function dependency<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CounterpartError) throw error;
    throw new DependencyError(`${what}: ${errorMessage(error)}`, error);
  }
}
