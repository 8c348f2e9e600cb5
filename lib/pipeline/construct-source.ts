/* Which line of an answer's CDK code created a construct, from its construct path and the construct calls of the code. */
import type { SourceLocation } from '../rules/types';
import { idMatches, type ConstructCall } from './construct-calls';

// Children CDK's L2 constructs name for their L1 resource: the construct that matters is their parent.
const DEFAULT_CHILDREN = new Set(['Resource', 'Default']);
// Calls that create stacks, stages or apps: their computed ids say nothing about the constructs inside.
const STACK_CLASS = /(Stack|Stage|App)$/;

/**
 * The place that created the construct at `constructPath` (`TapStack/Data/Bucket/Resource`): from the deepest segment
 * up (skipping `Resource`/`Default`), the one construct call whose id is that segment (a plain string, or a template
 * literal / f-string that can produce it) written where that segment's parent lives: in the stack's code for a child of
 * the stack, else in the class instantiated under the parent's id (or beside the parent's own call when the scope is a
 * variable). Undefined when two calls fit, and when a segment that no call names could have come from a computed id
 * (a call with a variable or concatenated id in the parent's code): no location rather than a wrong one.
 */
export function locateConstruct(constructPath: string, calls: readonly ConstructCall[]): SourceLocation | undefined {
  const segments = constructPath.split('/');
  for (let i = segments.length - 1; i >= 1; i--) {
    const segment = segments[i];
    if (DEFAULT_CHILDREN.has(segment)) continue;
    const parent = i > 1 ? segments[i - 1] : undefined;
    const fitting = calls.filter((call) => idMatches(call, segment) && writtenUnder(call, parent, calls));
    const places = [...new Map(fitting.map((c) => [`${c.file}:${c.line}`, c])).values()];
    if (places.length === 1) return { file: places[0].file, line: places[0].line };
    if (places.length > 1) return undefined;
    const computed = calls.some((call) => !call.id && !STACK_CLASS.test(call.className) && writtenUnder(call, parent, calls));
    if (computed) return undefined;
  }
  return undefined;
}

/** Whether a call can create a child of `parent` (undefined: of the stack itself). */
function writtenUnder(call: ConstructCall, parent: string | undefined, calls: readonly ConstructCall[]): boolean {
  const ownScope = call.scope === 'this' || call.scope === 'self';
  if (parent === undefined) return !call.enclosing || call.enclosing.isStack || !ownScope;
  if (!ownScope) return calls.some((other) => other.file === call.file && idMatches(other, parent));
  const enclosing = call.enclosing;
  return enclosing !== undefined && calls.some((other) => other.className === enclosing.name && idMatches(other, parent));
}
