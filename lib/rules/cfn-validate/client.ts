import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StandardDiagnostic } from '@aws/cloudformation-validate';

/** Description and category of a cloudformation-validate rule, by rule id. */
export type ValidateRuleInfo = Record<string, { description: string; category: string }>;

/** Outcome of validating one template: diagnostics, or the reason validation could not run. */
export type ValidateOutcome = { diagnostics: StandardDiagnostic[]; rules: ValidateRuleInfo } | { error: string };

/** Longest a single validation may take before it is reported as unavailable. */
const VALIDATE_TIMEOUT_MS = Number(process.env.INFRA_REVIEW_VALIDATE_TIMEOUT_MS ?? 120_000);

interface Pending {
  resolve: (outcome: ValidateOutcome) => void;
}

class ValidatorWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private rules: ValidateRuleInfo = {};
  readonly ready: Promise<void>;
  isReady = false;
  failed: string | undefined;

  constructor() {
    this.worker = new Worker(path.join(process.cwd(), 'lib/rules/cfn-validate/worker.mjs'));
    this.worker.unref();
    this.ready = new Promise((resolve) => {
      this.worker.on('message', (msg) => {
        if (msg.type === 'ready') {
          this.rules = msg.rules;
          this.isReady = true;
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
    this.failed = reason;
    for (const p of this.pending.values()) p.resolve({ error: reason });
    this.pending.clear();
    resolve();
  }

  /** Stops the thread; pending and later validations get an error outcome. */
  terminate(): Promise<number> {
    this.failed = 'validator shut down';
    return this.worker.terminate();
  }

  /** Validates one template; a validator that hangs (also while starting) yields an error outcome after the timeout. */
  validate(text: string, file: string): Promise<ValidateOutcome> {
    const id = this.nextId++;
    this.worker.ref();
    return new Promise((resolve) => {
      const settle = (outcome: ValidateOutcome) => {
        clearTimeout(timer);
        this.pending.delete(id);
        if (this.pending.size === 0) this.worker.unref();
        resolve(outcome);
      };
      const timer = setTimeout(() => settle({ error: `no answer within ${VALIDATE_TIMEOUT_MS / 1000} s` }), VALIDATE_TIMEOUT_MS);
      this.pending.set(id, { resolve: settle });
      this.ready.then(() => {
        if (this.failed) settle({ error: this.failed });
        else this.worker.postMessage({ id, path: file, text });
      });
    });
  }
}

let shared: ValidatorWorker | undefined;

function validator(): ValidatorWorker {
  if (!shared || shared.failed) shared = new ValidatorWorker();
  return shared;
}

/** Starts the validation engine in the background (idempotent); call early to overlap its start-up. */
export function prewarmValidator(): void {
  validator();
}

/** Validates template text with the one shared cloudformation-validate engine; never throws. */
export function validateTemplateText(text: string, file: string): Promise<ValidateOutcome> {
  return validator().validate(text, file);
}

/** Stops the validation engine's thread (a later validation starts a new one); lets short-lived processes exit at once. */
export async function shutdownValidator(): Promise<void> {
  const current = shared;
  shared = undefined;
  await current?.terminate();
}

/** Whether the engine has finished starting (validations then take milliseconds, not seconds). */
export function validatorIsReady(): boolean {
  return shared?.isReady === true && !shared.failed;
}
