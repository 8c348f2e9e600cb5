import { z } from 'zod';
import type { AwsTarget } from './target';

/** What serves a target's custom CloudFormation endpoint: our moto launcher with what it emulates, or something else. */
export type EmulatorInfo =
  | {
      readonly kind: 'moto';
      /** Types the launcher only records: a physical ID and attributes, nothing created in moto's service backends. */
      readonly recordedOnly: readonly string[];
      /** Types the launcher models that do create something in moto's backends (e.g. a Lambda alias). */
      readonly addedWithBackend: readonly string[];
      /** moto behaviours the launcher completes, as short descriptions. */
      readonly completed: readonly string[];
    }
  | { readonly kind: 'unknown-endpoint' };

/** The answer of GET /infra-review/emulated-types on scripts/moto/server.py. */
const EmulatedTypes = z.object({
  recordedOnly: z.array(z.string()),
  addedWithBackend: z.array(z.string()),
  completed: z.array(z.string()),
});

const TIMEOUT_MS = 2_000;
const UNKNOWN: EmulatorInfo = Object.freeze({ kind: 'unknown-endpoint' });

/**
 * Asks the target's endpoint what it emulates: null on AWS itself (no endpoint), `moto` when our launcher answers,
 * `unknown-endpoint` for anything else (plain moto, another emulator, an error, no answer within 2 s). Never throws.
 */
export async function describeEmulator(target: AwsTarget): Promise<EmulatorInfo | null> {
  if (target.endpoint === undefined) return null;
  try {
    const response = await fetch(emulatedTypesUrl(target.endpoint), { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) return UNKNOWN;
    const answer = EmulatedTypes.safeParse(await response.json());
    return answer.success ? { kind: 'moto', ...answer.data } : UNKNOWN;
  } catch {
    return UNKNOWN;
  }
}

/** The launcher's path under the endpoint, keeping any path prefix the endpoint has and tolerating a trailing slash. */
function emulatedTypesUrl(endpoint: string): URL {
  return new URL('infra-review/emulated-types', endpoint.endsWith('/') ? endpoint : `${endpoint}/`);
}
