/* AWS managed policies, from the offline list in aws-managed-policies.json (scripts/update-managed-policies.mjs). */
import data from './aws-managed-policies.json';

/** What the offline list says about an AWS managed policy written as `path/name` (the part after `:iam::aws:policy/`). */
export interface ManagedPolicyLookup {
  /** The policy exists under exactly this path and name. */
  exists: boolean;
  /** A policy that exists with a close name or another path (`service-role/AWSLambdaBasicExecutionRole`). */
  suggestion?: string;
  /** The policy is for service-linked roles only (`aws-service-role/`): it cannot be attached to a role of the stack. */
  serviceLinked: boolean;
}

/** Where the offline list comes from (npm package and version). */
export const MANAGED_POLICY_SOURCE: string = data.source;

const KNOWN = new Set(data.policies);
const BY_NAME = new Map<string, string[]>();
for (const policy of data.policies) {
  const key = baseName(policy).toLowerCase();
  BY_NAME.set(key, [...(BY_NAME.get(key) ?? []), policy]);
}

/** Looks up `path/name` in AWS's managed policies; for an unknown one, the existing policy it most likely means. */
export function lookupManagedPolicy(pathAndName: string): ManagedPolicyLookup {
  const serviceLinked = pathAndName.startsWith('aws-service-role/');
  if (KNOWN.has(pathAndName)) return { exists: true, serviceLinked };
  // The same wrong names recur across answers; the search for a suggestion scans every policy, so remember it.
  if (!SUGGESTIONS.has(pathAndName)) {
    if (SUGGESTIONS.size >= 1000) SUGGESTIONS.clear();
    SUGGESTIONS.set(pathAndName, closestPolicy(pathAndName));
  }
  const suggestion = SUGGESTIONS.get(pathAndName);
  return { exists: false, serviceLinked, ...(suggestion ? { suggestion } : {}) };
}

const SUGGESTIONS = new Map<string, string | undefined>();

/** The same name under another path or in another case, else the closest name within a small edit distance, else the shortest one that contains it. */
function closestPolicy(pathAndName: string): string | undefined {
  const wanted = baseName(pathAndName).toLowerCase();
  const same = BY_NAME.get(wanted);
  if (same) return same.find((p) => !p.startsWith('aws-service-role/')) ?? same[0];
  const limit = Math.max(1, Math.floor(wanted.length / 8));
  let best: { policy: string; distance: number } | undefined;
  for (const [name, policies] of BY_NAME) {
    if (Math.abs(name.length - wanted.length) > limit) continue;
    const distance = editDistance(name, wanted);
    if (distance <= limit && (!best || distance < best.distance)) best = { policy: policies[0], distance };
  }
  if (best) return best.policy;
  const containing = [...BY_NAME.entries()]
    .filter(([name]) => wanted.length >= 6 && name.includes(wanted))
    .sort((a, b) => a[0].length - b[0].length);
  const shortest = containing[0];
  return shortest && containing[1]?.[0].length !== shortest[0].length ? shortest[1][0] : undefined;
}

function baseName(pathAndName: string): string {
  return pathAndName.slice(pathAndName.lastIndexOf('/') + 1);
}

/** Levenshtein distance of two strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
