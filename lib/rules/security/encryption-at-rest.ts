import { resourcesOfType } from '../../templates/query';
import type { Rule, RuleInput, Violation } from '../types';
import { ENCRYPTION_AT_REST } from '../util/encryption-at-rest';

/** Databases, volumes, file systems, caches, search domains, streams, topics and queues must encrypt what they store. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [id, resource] of resourcesOfType(template)) {
    const entry = ENCRYPTION_AT_REST[resource?.Type];
    if (!entry) continue;
    const settings = entry.unencrypted(resource);
    if (settings.length === 0) continue;
    violations.push({
      message: `${entry.what} ${id} stores data unencrypted: ${settings.map((s) => `${s.path.replace(/^Properties\./, '')} (${s.note})`).join('; ')}.`,
      resources: [id],
      evidence: settings.map((s) => ({ resource: id, ...s })),
    });
  }
  return violations;
}

export const rule: Rule = { id: 'encryption-at-rest', check };
