import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StandardDiagnostic } from '@aws/cloudformation-validate';

/** Description and category of a cloudformation-validate rule, by rule id. */
export type ValidateRuleInfo = Record<string, { description: string; category: string }>;

/** Outcome of validating one template: diagnostics, or the reason validation could not run. */
export type ValidateOutcome = { diagnostics: StandardDiagnostic[]; rules: ValidateRuleInfo } | { error: string };

/** Longest the engine may take to start (seconds on a busy machine: it compiles every rule). */
const START_TIMEOUT_MS = Number(process.env.INFRA_REVIEW_VALIDATE_START_TIMEOUT_MS ?? 120_000);
/** Longest one validation may take once the engine runs; then its thread is terminated and a new one takes over. */
export const VALIDATE_TIMEOUT_MS = Number(process.env.INFRA_REVIEW_VALIDATE_TIMEOUT_MS ?? 30_000);

interface Pending {
  text: string;
  file: string;
  resolve: (outcome: ValidateOutcome) => void;
}

class ValidatorWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private rules: ValidateRuleInfo = {};
  readonly ready: Promise<void>;
  failed: string | undefined;

  constructor(readonly lane: Lane) {
    this.worker = new Worker(path.join(process.cwd(), 'lib/rules/cfn-validate/worker.mjs'));
    this.worker.unref();
    this.ready = new Promise((resolve) => {
      const startTimer = setTimeout(
        () => this.abandon(`engine did not start within ${START_TIMEOUT_MS / 1000} s`, resolve),
        START_TIMEOUT_MS,
      );
      startTimer.unref();
      this.worker.on('message', (msg) => {
        if (msg.type === 'ready') {
          clearTimeout(startTimer);
          this.rules = msg.rules;
          resolve();
        } else if (msg.type === 'result') {
          this.pending.get(msg.id)?.resolve(msg.error ? { error: msg.error } : { diagnostics: msg.diagnostics, rules: this.rules });
        }
      });
      this.worker.on('error', (error) => this.fail(String(error?.message ?? error), resolve));
      this.worker.on('exit', (code) => this.fail(`validator exited with code ${code}`, resolve));
    });
  }

  private fail(reason: string, resolve: () => void): void {
    this.failed ??= reason;
    for (const p of this.pending.values()) p.resolve({ error: reason });
    this.pending.clear();
    resolve();
  }

  /** Gives up on a stuck thread: terminates it, so the next validation starts a fresh engine (validator() sees `failed`). */
  private abandon(reason: string, resolve: () => void = () => {}): void {
    this.fail(reason, resolve);
    void this.worker.terminate();
  }

  /** Stops the thread; pending and later validations get an error outcome. */
  terminate(): Promise<number> {
    this.failed = 'validator shut down';
    return this.worker.terminate();
  }

  /**
   * Validates one template. A validation that outlives VALIDATE_TIMEOUT_MS yields an error outcome and terminates the
   * thread (the engine cannot be interrupted otherwise); the templates queued behind it are validated again by a fresh
   * engine instead of waiting for a thread that may never answer.
   */
  validate(text: string, file: string, timeoutMs = VALIDATE_TIMEOUT_MS): Promise<ValidateOutcome> {
    const id = this.nextId++;
    this.worker.ref();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = (outcome: ValidateOutcome) => {
        clearTimeout(timer);
        this.pending.delete(id);
        if (this.pending.size === 0) this.worker.unref();
        resolve(outcome);
      };
      this.pending.set(id, { text, file, resolve: settle });
      this.ready.then(() => {
        if (this.failed) return settle({ error: this.failed });
        timer = setTimeout(() => this.timeOut(id, timeoutMs), timeoutMs);
        this.worker.postMessage({ id, path: file, text });
      });
    });
  }

  /** The validation `id` took too long: it fails, the thread goes, and the others pending on it move to a fresh engine. */
  private timeOut(id: number, timeoutMs: number): void {
    const stuck = this.pending.get(id);
    if (!stuck) return;
    const others = [...this.pending.entries()].filter(([other]) => other !== id).map(([, p]) => p);
    this.pending.clear();
    stuck.resolve({ error: `no answer within ${timeoutMs / 1000} s; the validator was restarted` });
    this.abandon('validator restarted after a timeout');
    for (const p of others) void validator(this.lane).validate(p.text, p.file).then(p.resolve);
  }
}

/** The engine a template goes to: `shared` for most, `heavy` for large templates, so that they never hold up the others. */
type Lane = 'shared' | 'heavy';

const engines: Partial<Record<Lane, ValidatorWorker>> = {};

function validator(lane: Lane = 'shared'): ValidatorWorker {
  const current = engines[lane];
  if (current && !current.failed) return current;
  return (engines[lane] = new ValidatorWorker(lane));
}

/** Starts the validation engine in the background (idempotent); call early to overlap its start-up. */
export function prewarmValidator(): void {
  validator();
}

/**
 * Validates template text with the shared cloudformation-validate engine, or with a second engine of its own when
 * `heavy` (started on first use); never throws. `timeoutMs` bounds this validation (default INFRA_REVIEW_VALIDATE_TIMEOUT_MS, 30 s).
 */
export function validateTemplateText(
  text: string,
  file: string,
  options: { timeoutMs?: number; heavy?: boolean } = {},
): Promise<ValidateOutcome> {
  return validator(options.heavy ? 'heavy' : 'shared').validate(text, file, options.timeoutMs);
}

/** Stops the validation engines' threads (a later validation starts a new one); lets short-lived processes exit at once. */
export async function shutdownValidator(): Promise<void> {
  const current = Object.values(engines);
  delete engines.shared;
  delete engines.heavy;
  await Promise.all(current.map((engine) => engine.terminate()));
}
