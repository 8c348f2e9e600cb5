import type { CreateReviewInput, ReviewFile } from './input';
import type { ReviewPlan } from './plan-types';
import { normalizeLanguage, planTask } from './task';

/** Language of a template file from its extension. */
function templateLanguage(file: ReviewFile): string {
  return normalizeLanguage(file.path.split('.').pop());
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** What to store for a validated create request; pure (no I/O, no analysis). Task errors throw `bad_request:input`. */
export function planReview(input: CreateReviewInput, fallbackName?: string): ReviewPlan {
  const common = { prompt: null, modelFailures: null, metadata: {}, statusNote: null, status: 'pending' as const };
  if (input.kind === 'templates') {
    return {
      ...common,
      kind: 'templates',
      name: input.name ?? `${baseName(input.model.path)} vs. ${baseName(input.reference.path)}`,
      platform: 'cfn',
      language: templateLanguage(input.model),
      reference: { files: [{ name: input.reference.path, text: input.reference.text, role: 'template' }] },
      model: { files: [{ name: input.model.path, text: input.model.text, role: 'template' }] },
    };
  }
  if (input.kind === 'markdown') {
    return {
      ...common,
      kind: 'markdown',
      name: input.name ?? `${baseName(input.model.path)} vs. ${input.reference ? baseName(input.reference.path) : 'infra/ reference'}`,
      platform: input.reference ? 'cfn' : 'cdk',
      language: input.reference ? templateLanguage(input.reference) : 'ts',
      reference: input.reference
        ? { files: [{ name: input.reference.path, text: input.reference.text, role: 'template' }] }
        : { infra: true },
      model: { files: [{ name: input.model.path, text: input.model.text, role: 'markdown' }] },
    };
  }
  const plan = planTask(input.files, fallbackName);
  return input.name ? { ...plan, name: input.name } : plan;
}
