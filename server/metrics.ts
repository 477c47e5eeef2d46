import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Logger } from '../core/logger.js';
import type { TurnObserver, TurnRecord } from '../core/observer.js';
import type { KnowledgeBase } from '../core/tools.js';
import type { HandoffEvent, HandoffEvents } from '../bot/index.js';

/** Prefix of every metric this server exports, the process defaults included. */
export const METRIC_PREFIX = 'counterpart_';

/** Seconds; a turn spans NLU, the dialogue, tool calls and the database commit. */
const TURN_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Seconds; the NLU is in-process and usually answers within milliseconds. */
const NLU_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** Seconds; retrieval encodes the question and searches two indexes. */
const RETRIEVAL_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Hand-off events that are counted (messages inside a hand-off are not hand-offs). */
const COUNTED_HANDOFF_EVENTS: ReadonlySet<HandoffEvent['type']> = new Set(['opened', 'taken', 'closed']);

/** Jobs in one queue, by state, as a job queue reports them. */
export interface QueueDepth {
  queue: string;
  waiting: number;
  active: number;
  failed: number;
  delayed: number;
}

/** Reads the current depth of every queue; called on each scrape. */
export type QueueDepthSource = () => Promise<QueueDepth[]>;

/** How a knowledge-base call ended, for {@link timedKnowledgeBase}. */
export type RetrievalOutcome = 'answered' | 'no_answer' | 'error';

const QUEUE_STATES = ['waiting', 'active', 'failed', 'delayed'] as const;

/**
 * Wraps a knowledge base so that every `answer` call reports its duration.
 *
 * @example
 * const kb = timedKnowledgeBase(openedKb, (seconds, outcome) => histogram.observe({ outcome }, seconds));
 */
export function timedKnowledgeBase(kb: KnowledgeBase, observe: (seconds: number, outcome: RetrievalOutcome) => void): KnowledgeBase {
  return {
    async answer(question, options) {
      const started = performance.now();
      let outcome: RetrievalOutcome = 'error';
      try {
        const answer = await kb.answer(question, options);
        outcome = answer ? 'answered' : 'no_answer';
        return answer;
      } finally {
        observe((performance.now() - started) / 1000, outcome);
      }
    },
  };
}

/**
 * The Prometheus metrics of one server: its own registry (never prom-client's global one, so
 * several servers in one process keep separate counts), the process defaults and the bot's metrics.
 *
 * @remarks Feeds: the bot's {@link TurnObserver} ({@link ServerMetrics.turnObserver}), hand-off
 * events ({@link ServerMetrics.watchHandoffs}), a timed knowledge base
 * ({@link ServerMetrics.timeKnowledge}) and job queues ({@link ServerMetrics.registerQueueGauges},
 * {@link ServerMetrics.recordJobFailure}).
 *
 * @example
 * const metrics = new ServerMetrics({ logger });
 * const bot = new Bot({ ...options, knowledge: metrics.timeKnowledge(kb), observers: [metrics.turnObserver] });
 * app.get('/metrics', metrics.handler({ token: config.METRICS_TOKEN }));
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly turns: Histogram<'channel'>;
  private readonly nlu: Histogram;
  private readonly retrieval: Histogram<'outcome'>;
  private readonly messages: Counter<'channel' | 'direction'>;
  private readonly handoffs: Counter<'event'>;
  private readonly jobFailures: Counter<'queue'>;
  private readonly conflicts: Counter;
  private readonly rejected: Counter<'reason'>;
  private readonly queueSources = new Set<QueueDepthSource>();

  constructor(private readonly options: { logger?: Logger } = {}) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
    this.turns = new Histogram({
      name: `${METRIC_PREFIX}turn_duration_seconds`, help: 'Time from a message reaching the bot to its turn being committed.',
      labelNames: ['channel'], buckets: TURN_BUCKETS, registers,
    });
    this.nlu = new Histogram({
      name: `${METRIC_PREFIX}nlu_duration_seconds`, help: 'Time the NLU took to parse one message.', buckets: NLU_BUCKETS, registers,
    });
    this.retrieval = new Histogram({
      name: `${METRIC_PREFIX}retrieval_duration_seconds`, help: 'Time one knowledge-base answer took, by outcome (answered, no_answer, error).',
      labelNames: ['outcome'], buckets: RETRIEVAL_BUCKETS, registers,
    });
    this.messages = new Counter({
      name: `${METRIC_PREFIX}messages_total`, help: 'Messages in bot turns: direction "in" from people, "out" from the bot.',
      labelNames: ['channel', 'direction'], registers,
    });
    this.handoffs = new Counter({
      name: `${METRIC_PREFIX}handoffs_total`, help: 'Hand-offs to people, by event (opened, taken, closed).', labelNames: ['event'], registers,
    });
    this.jobFailures = new Counter({
      name: `${METRIC_PREFIX}job_failures_total`, help: 'Background jobs that failed, by queue.', labelNames: ['queue'], registers,
    });
    this.conflicts = new Counter({
      name: `${METRIC_PREFIX}turn_conflicts_total`,
      help: 'Turns that found their conversation changed by a concurrent turn and ran again (zero while the conversation lock works).',
      registers,
    });
    this.rejected = new Counter({
      name: `${METRIC_PREFIX}requests_rejected_total`, help: 'Requests and messages refused at the edge, by reason (rate_limited, ...).',
      labelNames: ['reason'], registers,
    });
    this.queueGauge();
  }

  /** Pass as the bot's `onConflict`. */
  readonly turnConflict = (): void => { this.conflicts.inc(); };

  /** Counts a request or message refused before it reached the bot. */
  readonly rejectedRequest = (reason: string): void => { this.rejected.inc({ reason }); };

  /** The observer to pass in the bot's `observers`. */
  readonly turnObserver: TurnObserver = {
    onTurn: (record: TurnRecord) => {
      this.turns.observe({ channel: record.channel }, record.totalMs / 1000);
      this.nlu.observe(record.nluMs / 1000);
      this.messages.inc({ channel: record.channel, direction: 'in' });
      if (record.replies.length > 0) this.messages.inc({ channel: record.channel, direction: 'out' }, record.replies.length);
    },
  };

  /** Counts hand-offs opened, taken and closed; returns the function that stops counting. */
  watchHandoffs(events: HandoffEvents): () => void {
    return events.subscribe((event) => {
      if (COUNTED_HANDOFF_EVENTS.has(event.type)) this.handoffs.inc({ event: event.type });
    });
  }

  /** The knowledge base, timed into `counterpart_retrieval_duration_seconds`. */
  timeKnowledge(kb: KnowledgeBase): KnowledgeBase {
    return timedKnowledgeBase(kb, (seconds, outcome) => this.retrieval.observe({ outcome }, seconds));
  }

  /**
   * Exports `counterpart_job_queue_jobs{queue,state}`, read from `source` on each scrape.
   * Returns the function that removes the source.
   *
   * @remarks A source that fails is logged and skipped for that scrape, so one broken queue
   * connection does not take the other metrics down with it.
   */
  registerQueueGauges(source: QueueDepthSource): () => void {
    this.queueSources.add(source);
    return () => { this.queueSources.delete(source); };
  }

  /** Counts one failed job of `queue` in `counterpart_job_failures_total`. */
  recordJobFailure(queue: string): void {
    this.jobFailures.inc({ queue });
  }

  /**
   * The `GET /metrics` handler: Prometheus text exposition of this registry.
   *
   * @param options.token - when set, requests must carry `Authorization: Bearer <token>`.
   * @defaultValue no token: open to whoever reaches the port
   */
  handler(options: { token?: string } = {}): RequestHandler {
    const expected = options.token ? digest(options.token) : undefined;
    return async (req, res) => {
      if (expected && !bearerMatches(req.headers.authorization, expected)) {
        res.status(401).set('www-authenticate', 'Bearer').json({ error: { code: 'unauthorized', message: 'A valid metrics token is required.' } });
        return;
      }
      const text = await this.registry.metrics();
      res.set('content-type', this.registry.contentType).send(text);
    };
  }

  private queueGauge(): void {
    const sources = this.queueSources;
    const logger = this.options.logger;
    new Gauge({
      name: `${METRIC_PREFIX}job_queue_jobs`, help: 'Jobs in each background queue, by state (waiting, active, failed, delayed).',
      labelNames: ['queue', 'state'], registers: [this.registry],
      async collect() {
        this.reset();
        const results = await Promise.allSettled([...sources].map((source) => source()));
        for (const result of results) {
          if (result.status === 'rejected') {
            logger?.warn({ err: result.reason }, 'job queue depth unavailable for metrics');
            continue;
          }
          for (const depth of result.value) {
            for (const state of QUEUE_STATES) this.set({ queue: depth.queue, state }, depth[state]);
          }
        }
      },
    });
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Constant-time comparison of a bearer token against the expected token's digest. */
function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), expected);
}
