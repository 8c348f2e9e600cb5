import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import os from 'node:os';
import readline from 'node:readline';
import { cfnLintPython, workerScript } from './python';

/** One cfn-lint diagnostic as the worker reports it: `path` is the template path (keys and list indexes). */
export interface CfnLintMatch {
  rule: string;
  level: 'error' | 'warning' | 'informational';
  title: string;
  description: string;
  message: string;
  path: (string | number)[] | null;
  line: number;
  column: number;
}

/** Outcome of linting one template: cfn-lint's matches and version, or the reason cfn-lint could not run. */
export type CfnLintOutcome = { matches: CfnLintMatch[]; version: string } | { error: string };

/** Options of one lint: how long the template may take once cfn-lint has it (CFN_LINT_TIMEOUT_MS by default). */
export interface LintOptions {
  timeoutMs?: number;
}

/** Longest one template may take (or the worker may take to start) before the worker is killed and restarted. */
export const CFN_LINT_TIMEOUT_MS = Number(process.env.INFRA_REVIEW_CFN_LINT_TIMEOUT_MS ?? 60_000);

interface Job {
  text: string;
  timeoutMs: number;
  resolve: (outcome: CfnLintOutcome) => void;
}

interface Reply {
  ready?: boolean;
  version?: string;
  id?: number;
  matches?: CfnLintMatch[];
  error?: string;
}

/**
 * The one cfn-lint process: started on first use and fed one template at a time (a queue), so a template's timeout
 * counts only its own linting. A template that takes too long, or a crash, ends the process; the next template
 * starts a new one.
 */
class CfnLintWorker {
  /** Lints part `part` of `parts` of each template (worker.py --part); part 0 of 1 is the whole template. */
  constructor(
    private readonly part: number,
    private readonly parts: number,
  ) {}

  private child: ChildProcessWithoutNullStreams | undefined;
  private ready: Promise<string> | undefined;
  private readonly queue: Job[] = [];
  private busy = false;
  private nextId = 1;
  /** Who waits on the current process: its start-up, then the template it lints; told of replies and of its end. */
  private listener: ((reply: Reply) => void) | undefined;
  private stderrTail = '';

  /** Process id of the running cfn-lint process, if one runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  lint(text: string, timeoutMs: number): Promise<CfnLintOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ text, timeoutMs, resolve });
      void this.drain();
    });
  }

  /** Starts the process unless it runs; resolves with cfn-lint's version once it is ready. */
  start(timeoutMs = CFN_LINT_TIMEOUT_MS): Promise<string> {
    if (this.ready) return this.ready;
    const python = cfnLintPython();
    if (!python)
      return Promise.reject(new Error('cfn-lint is not installed (run scripts/ensure-cfn-lint.sh or set INFRA_REVIEW_CFN_LINT)'));
    const child = spawn(python, ['-u', workerScript(), '--part', `${this.part}/${this.parts}`], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    this.child = child;
    this.stderrTail = '';
    child.stderr.on('data', (chunk: Buffer) => (this.stderrTail = (this.stderrTail + chunk.toString()).slice(-2000)));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      let reply: Reply;
      try {
        reply = JSON.parse(line);
      } catch {
        return this.stop(child, `cfn-lint wrote something that is not a reply: ${line.slice(0, 200)}`);
      }
      if (this.child === child) this.listener?.(reply);
    });
    child.on('error', (error) => this.stop(child, `cfn-lint could not start: ${error.message}`));
    // Writing to a process that just died fails with EPIPE; its exit (above) already tells the waiting template.
    child.stdin.on('error', () => undefined);
    child.on('exit', (code, signal) =>
      this.stop(child, `cfn-lint exited (${signal ?? `code ${code}`}): ${this.stderrTail.trim().slice(-500)}`),
    );
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.stop(child, `cfn-lint did not start within ${timeoutMs / 1000} s`), timeoutMs);
      this.listener = (reply) => {
        clearTimeout(timer);
        if (reply.ready) resolve(reply.version ?? 'unknown');
        else reject(new Error(reply.error ?? 'cfn-lint did not start'));
      };
    });
    this.ready.catch(() => undefined);
    this.hold(this.busy);
    return this.ready;
  }

  /** Ends `child` if it is still the current process, and tells whoever waits on it why. */
  private stop(child: ChildProcessWithoutNullStreams, reason: string): void {
    if (this.child !== child) return;
    const listener = this.listener;
    this.child = undefined;
    this.ready = undefined;
    this.listener = undefined;
    child.kill('SIGKILL');
    listener?.({ error: reason });
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    const job = this.queue.shift();
    if (!job) return this.hold(false);
    this.busy = true;
    this.hold(true);
    try {
      job.resolve(await this.run(job));
    } catch (error) {
      job.resolve({ error: `cfn-lint client failed: ${(error as Error).message}` });
    } finally {
      this.busy = false;
    }
    void this.drain();
  }

  private async run(job: Job): Promise<CfnLintOutcome> {
    let version: string;
    try {
      version = await this.start(Math.max(job.timeoutMs, CFN_LINT_TIMEOUT_MS));
    } catch (error) {
      return { error: (error as Error).message };
    }
    const child = this.child;
    if (!child) return { error: 'cfn-lint exited before it got the template' };
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.stop(child, `no answer within ${job.timeoutMs / 1000} s (cfn-lint restarted)`), job.timeoutMs);
      this.listener = (reply) => {
        if (reply.id !== undefined && reply.id !== id) return;
        clearTimeout(timer);
        resolve(reply.matches ? { matches: reply.matches, version } : { error: reply.error ?? 'cfn-lint gave no answer' });
      };
      child.stdin.write(`${JSON.stringify({ id, text: job.text })}\n`);
    });
  }

  /** A busy process keeps Node running; an idle one does not (a CLI exits when its work is done). */
  private hold(busy: boolean): void {
    const child = this.child;
    if (!child) return;
    for (const handle of [child, child.stdin, child.stdout, child.stderr] as { ref(): void; unref(): void }[]) {
      if (busy) handle.ref();
      else handle.unref();
    }
  }

  /** Kills the process; queued templates get an error outcome. */
  shutdown(): void {
    for (const job of this.queue.splice(0)) job.resolve({ error: 'cfn-lint shut down' });
    if (this.child) this.stop(this.child, 'cfn-lint shut down');
  }
}

/**
 * How many processes lint each template together (INFRA_REVIEW_CFN_LINT_PROCESSES, by default one per core up to
 * two): each validates its share of the resources, so a template's wall time falls with the cores that are free.
 */
export function cfnLintProcessCount(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.INFRA_REVIEW_CFN_LINT_PROCESSES);
  if (Number.isInteger(configured) && configured >= 1) return Math.min(configured, 8);
  return Math.min(2, os.availableParallelism());
}

let shared: CfnLintWorker[] | undefined;

function workers(): CfnLintWorker[] {
  const count = cfnLintProcessCount();
  shared ??= Array.from({ length: count }, (_, part) => new CfnLintWorker(part, count));
  return shared;
}

/** The parts' matches as one list in cfn-lint's terms: a match that several parts report (checks of the whole Resources mapping) once. */
function mergeParts(outcomes: CfnLintOutcome[]): CfnLintOutcome {
  const failed = outcomes.find((outcome) => 'error' in outcome);
  if (failed) return failed;
  const seen = new Set<string>();
  const matches: CfnLintMatch[] = [];
  for (const outcome of outcomes as { matches: CfnLintMatch[] }[])
    for (const match of outcome.matches) {
      const key = JSON.stringify(match);
      if (!seen.has(key)) matches.push(match);
      seen.add(key);
    }
  return { matches, version: (outcomes[0] as { version: string }).version };
}

/** Starts cfn-lint in the background (idempotent; errors surface on the first lint); call early to overlap its start-up. */
export function prewarmCfnLint(): void {
  if (cfnLintPython()) for (const worker of workers()) worker.start().catch(() => undefined);
}

/** Lints template text with the shared cfn-lint processes; never throws, never waits longer than the timeout. */
export async function lintTemplateText(text: string, options: LintOptions = {}): Promise<CfnLintOutcome> {
  const timeoutMs = options.timeoutMs ?? CFN_LINT_TIMEOUT_MS;
  return mergeParts(await Promise.all(workers().map((worker) => worker.lint(text, timeoutMs))));
}

/** Process ids of the cfn-lint processes that run, part 0 first (tests check that a timeout restarts them). */
export function cfnLintPids(): number[] {
  return (shared ?? []).flatMap((worker) => (worker.pid === undefined ? [] : [worker.pid]));
}

/** Kills the cfn-lint processes (a later lint starts new ones); lets short-lived processes exit at once. */
export function shutdownCfnLint(): void {
  for (const worker of shared ?? []) worker.shutdown();
  shared = undefined;
}
