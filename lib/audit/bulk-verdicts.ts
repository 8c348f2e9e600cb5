import { actorOf } from '../auth/authorize';
import { withTransaction } from '../db/connection';
import { upsertVerdict } from '../db/queries/verdicts';
import { assertReviewer, resolveDeps, type AuditSessionDeps } from './context';
import { publishSessionEvents, sessionEvent } from './events';
import { selfLabels, type MutationInput } from './mutations';
import { bulkVerdictBody } from './schemas';
import { requireFindingKeys } from './snapshot';
import type { SessionEvent, VerdictView } from './types';
import { toVerdictView } from './views';

/** What a bulk verdict did: the user's verdict on every key, and how many of them changed. */
export interface BulkVerdictResult {
  verdicts: { key: string; verdict: VerdictView }[];
  changed: number;
}

/**
 * Records the user's one verdict on many findings (all of a rule, of a category) in one transaction: every key must
 * name a finding of the session or nothing is written. Each changed verdict is audited and published as a `verdict`
 * event, exactly as a single verdict is, so live viewers need nothing new.
 */
export async function setVerdicts({ sessionId, user, input }: MutationInput, deps?: AuditSessionDeps): Promise<BulkVerdictResult> {
  assertReviewer(user);
  const { keys, verdict, reason } = bulkVerdictBody.parse(input);
  const labels = selfLabels(user);
  return withTransaction(async (trx) => {
    await requireFindingKeys({ sessionId, keys }, trx);
    const verdicts: BulkVerdictResult['verdicts'] = [];
    const events: SessionEvent[] = [];
    for (const key of keys) {
      const written = await upsertVerdict({ sessionId, findingKey: key, verdict, reason, actor: actorOf(user) }, trx);
      const view = toVerdictView(written.verdict, labels);
      verdicts.push({ key, verdict: view });
      if (written.changed) events.push(sessionEvent('verdict', sessionId, view, key));
    }
    await publishSessionEvents(events, trx);
    return { verdicts, changed: events.length };
  }, resolveDeps(deps).handle);
}
