/* IAM statements compared as grants: which actions, resources, principals and conditions the model broadens or narrows. */
import { canonical, type IdMap } from './equivalence';
import { referencesAny } from './references';

/** One way the model's statements differ from the reference's, e.g. `broadened Allow actions: s3:*`. */
export interface StatementChange {
  direction: 'broadened' | 'narrowed';
  aspect: 'actions' | 'resources' | 'principals' | 'conditions' | 'Deny statements';
  items: string[];
}

/** The statements of a policy property: a document's `Statement`, or every inline policy's of a `Policies` list. */
export function statementsOf(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap((policy) => statementsOf((policy as Record<string, unknown>)?.PolicyDocument));
  if (!value || typeof value !== 'object') return [];
  const statement = (value as Record<string, unknown>).Statement;
  const list = Array.isArray(statement) ? statement : statement ? [statement] : [];
  return list.filter((s): s is Record<string, unknown> => !!s && typeof s === 'object');
}

/**
 * How the model's grants differ from the reference's, per effect: actions, resources, principals and conditions the
 * model adds (broadened; for Deny, narrowed) or lacks. Reference items that point at `missing` resources are left to
 * the missing-resource finding; model IDs are renamed to their counterparts first.
 */
export function statementChanges(
  referenceValue: unknown,
  modelValue: unknown,
  ids: IdMap,
  missing: ReadonlySet<string>,
): StatementChange[] {
  const changes: StatementChange[] = [];
  for (const effect of ['Allow', 'Deny'] as const) {
    const ref = grants(statementsOf(referenceValue), effect, new Map(), missing);
    const mod = grants(statementsOf(modelValue), effect, ids, new Set());
    if (effect === 'Deny' && ref.count > 0 && mod.count === 0) {
      changes.push({ direction: 'broadened', aspect: 'Deny statements', items: [...ref.actions] });
      continue;
    }
    for (const aspect of ['actions', 'resources', 'principals', 'conditions'] as const) {
      const added = [...mod[aspect]].filter((item) => !ref[aspect].has(item) && !coveredBy(item, ref[aspect], aspect));
      const lacking = [...ref[aspect]].filter((item) => !mod[aspect].has(item) && !coveredBy(item, mod[aspect], aspect));
      // Conditions restrict: a condition the model adds narrows, one it lacks broadens; the other way round for Deny.
      const widening = (aspect === 'conditions') === (effect === 'Allow') ? lacking : added;
      const narrowing = widening === lacking ? added : lacking;
      if (widening.length) changes.push({ direction: 'broadened', aspect: aspectName(aspect, effect), items: widening });
      if (narrowing.length) changes.push({ direction: 'narrowed', aspect: aspectName(aspect, effect), items: narrowing });
    }
  }
  return changes;
}

function aspectName(aspect: 'actions' | 'resources' | 'principals' | 'conditions', effect: 'Allow' | 'Deny'): StatementChange['aspect'] {
  return effect === 'Deny' ? 'Deny statements' : aspect;
}

interface Grants {
  count: number;
  actions: Set<string>;
  resources: Set<string>;
  principals: Set<string>;
  conditions: Set<string>;
}

function grants(statements: Record<string, unknown>[], effect: string, ids: IdMap, missing: ReadonlySet<string>): Grants {
  const result: Grants = { count: 0, actions: new Set(), resources: new Set(), principals: new Set(), conditions: new Set() };
  for (const statement of statements.filter((s) => (s.Effect ?? 'Allow') === effect)) {
    // A statement only about missing resources (a DLQ's SendMessage) is part of the missing-resource finding.
    const resources = list(statement.Resource ?? statement.NotResource);
    if (resources.length > 0 && resources.every((resource) => referencesAny(resource, missing))) continue;
    result.count++;
    for (const action of list(statement.Action ?? statement.NotAction)) result.actions.add(text(action, ids).toLowerCase());
    for (const resource of resources) if (!referencesAny(resource, missing)) result.resources.add(text(resource, ids));
    for (const principal of principals(statement.Principal))
      if (!referencesAny(principal, missing)) result.principals.add(text(principal, ids));
    if (statement.Condition) result.conditions.add(text(statement.Condition, ids));
  }
  return result;
}

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function principals(value: unknown): unknown[] {
  if (value === '*' || value === undefined) return list(value);
  if (!value || typeof value !== 'object') return [value];
  return Object.entries(value).flatMap(([kind, ids]) => list(ids).map((id) => ({ [kind]: id })));
}

function text(value: unknown, ids: IdMap): string {
  const form = canonical(value, ids);
  return typeof form === 'string' ? form : JSON.stringify(form);
}

/** Whether a wildcard of `others` (`s3:*`, `*`, `arn:...:bucket/*`) already covers `item`. */
function coveredBy(item: string, others: ReadonlySet<string>, aspect: string): boolean {
  if (aspect !== 'actions' && aspect !== 'resources') return false;
  for (const other of others) {
    if (!other.includes('*') || other === item) continue;
    const pattern = new RegExp(`^${other.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    if (pattern.test(item)) return true;
  }
  return false;
}
