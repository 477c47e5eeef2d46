import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { DependencyError } from '../core/errors.js';
import { settledWithin } from '../core/timing.js';

/** How long a child gets between SIGTERM and SIGKILL. @defaultValue 20 s */
export const STOP_GRACE_MS = 20_000;
/** How long to wait for a child to vanish after SIGKILL before giving up on it. */
const KILL_WAIT_MS = 5_000;
/** Lines of a child's output kept to explain a failed start. */
const TAIL_LINES = 30;
const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** One child of the cluster: a server replica or the worker, with its output prefixed by its name. */
export class ManagedProcess {
  readonly name: string;

  private readonly child: ChildProcess;

  private readonly tail: string[] = [];

  private readonly lineWatchers = new Set<(line: string) => void>();

  /** Resolves with how the child ended; never rejects. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private ended = false;

  constructor(options: {
    name: string; script: string; cwd: string; env: Record<string, string | undefined>; log: (line: string) => void;
  }) {
    this.name = options.name;
    // Own process group: a terminal's Ctrl-C reaches only the cluster, which then stops each child once.
    // COUNTERPART_NODE_ARGS: extra Node options for the children only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
    // to profile replicas under load (Node refuses --cpu-prof in NODE_OPTIONS).
    const nodeArgs = (options.env.COUNTERPART_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    this.child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', options.script], {
      cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    const prefix = `${options.name.padEnd(10)}| `;
    const onLine = (line: string) => {
      if (line.trim() === '') return;
      this.tail.push(line);
      if (this.tail.length > TAIL_LINES) this.tail.shift();
      for (const watcher of this.lineWatchers) watcher(line);
      options.log(prefix + formatLogLine(line));
    };
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
    }
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        options.log(`${prefix}could not start: ${error.message}`);
        this.ended = true;
        resolve({ code: null, signal: null });
      });
      this.child.once('exit', (code, signal) => {
        this.ended = true;
        resolve({ code, signal });
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !this.ended;
  }

  /** The last lines the child printed (for error messages). */
  lastLines(): string {
    return this.tail.join('\n');
  }

  /** Sends `signal` to the child's process group (the child and anything it started). */
  signal(signal: NodeJS.Signals): void {
    if (this.ended || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // Already gone between the check and the kill.
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited (or after the kill wait). */
  async stop(graceMs: number = STOP_GRACE_MS): Promise<void> {
    if (this.ended) return;
    this.signal('SIGTERM');
    if (await settledWithin(this.exited, graceMs)) return;
    this.signal('SIGKILL');
    await settledWithin(this.exited, KILL_WAIT_MS);
  }

  /**
   * Resolves when a printed line matches `pattern`; rejects when the child exits first or after
   * `timeoutMs`.
   */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.lineWatchers.delete(watcher);
        if (error) reject(error); else resolve();
      };
      const watcher = (line: string) => { if (pattern.test(line)) done(); };
      const timer = setTimeout(() => done(new DependencyError(`${this.name} did not print ${pattern} within ${timeoutMs} ms`)), timeoutMs);
      this.lineWatchers.add(watcher);
      void this.exited.then(({ code, signal }) => done(new DependencyError(`${this.name} exited (code ${code}, signal ${signal}) before it was ready:\n${this.lastLines()}`)));
    });
  }

  /**
   * Polls `GET url` until it answers 200, at most `timeoutMs` (each probe bounded by its own
   * timeout); rejects when the child exits first.
   */
  async waitReady(url: string, options: { timeoutMs: number; intervalMs?: number }): Promise<void> {
    const intervalMs = options.intervalMs ?? 500;
    const deadline = Date.now() + options.timeoutMs;
    const maxProbes = Math.ceil(options.timeoutMs / intervalMs) + 1;
    let last = 'no answer';
    for (let probe = 0; probe < maxProbes && Date.now() < deadline; probe++) {
      if (this.ended) {
        const { code, signal } = await this.exited;
        throw new DependencyError(`${this.name} exited (code ${code}, signal ${signal}) before it was ready:\n${this.lastLines()}`);
      }
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(Math.min(5_000, options.timeoutMs)) });
        await response.arrayBuffer();
        if (response.status === 200 && !this.ended) return;
        last = `HTTP ${response.status}`;
      } catch (error) {
        last = (error as Error).message;
      }
      await settledWithin(this.exited, intervalMs);
    }
    throw new DependencyError(`${this.name} was not ready within ${Math.round(options.timeoutMs / 1000)} s (${url}: ${last})`);
  }
}

/** A pino JSON line as `LEVEL message {other fields}`; any other line unchanged. */
export function formatLogLine(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const { level, msg, time: _time, pid: _pid, hostname: _host, service: _service, ...rest } = JSON.parse(line) as Record<string, unknown>;
    if (typeof msg !== 'string') return line;
    const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
    return `${LEVELS[level as number] ?? String(level)} ${msg}${extra}`;
  } catch {
    return line;
  }
}
