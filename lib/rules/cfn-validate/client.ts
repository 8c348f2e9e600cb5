import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StandardDiagnostic } from '@aws/cloudformation-validate';

/** Description and category of a cloudformation-validate rule, by rule id. */
export type ValidateRuleInfo = Record<string, { description: string; category: string }>;

/** Outcome of validating one template: diagnostics, or the reason validation could not run. */
export type ValidateOutcome = { diagnostics: StandardDiagnostic[]; rules: ValidateRuleInfo } | { error: string };

interface Pending {
  resolve: (outcome: ValidateOutcome) => void;
}

class ValidatorWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private rules: ValidateRuleInfo = {};
  readonly ready: Promise<void>;
  failed: string | undefined;

  constructor() {
    this.worker = new Worker(path.join(process.cwd(), 'lib/rules/cfn-validate/worker.mjs'));
    this.worker.unref();
    this.ready = new Promise((resolve) => {
      this.worker.on('message', (msg) => {
        if (msg.type === 'ready') {
          this.rules = msg.rules;
          resolve();
        } else if (msg.type === 'result') {
          const pending = this.pending.get(msg.id);
          this.pending.delete(msg.id);
          if (this.pending.size === 0) this.worker.unref();
          pending?.resolve(msg.error ? { error: msg.error } : { diagnostics: msg.diagnostics, rules: this.rules });
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

  async validate(text: string, file: string): Promise<ValidateOutcome> {
    await this.ready;
    if (this.failed) return { error: this.failed };
    const id = this.nextId++;
    this.worker.ref();
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      this.worker.postMessage({ id, path: file, text });
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
