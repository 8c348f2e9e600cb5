import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthedUser } from '../auth/authorize';
import { createChangeSet } from '../aws/changesets';
import { describeStack } from '../aws/cloudformation';
import { deleteAbandonedReviewStack } from '../aws/review-stack';
import { createStackAndWait, deleteStackQuietly, motoEndpointForTests, motoTarget } from '../aws/testing';
import { getDeployLock } from '../db/queries/deploys';
import { referenceSpec } from '../pipeline/bundled';
import { synthesize } from '../synth/synthesize';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { cancelDeploy, confirmDeploy } from './decisions';
import { stackKeyOf } from './records';
import { getDeploy, requestDeploy } from './service';
import { useDeployTarget } from './test-support';

const deployer: AuthedUser = { id: 'user-deployer', email: 'deployer@example.test', name: 'Dee Ployer', role: 'deployer', via: 'session' };
const other: AuthedUser = { id: 'user-other', email: 'other@example.test', name: 'Otto', role: 'deployer', via: 'session' };
const run = `${Date.now().toString(36)}${process.pid}`;
let endpoint: string | undefined;
let tokens = 0;
const token = () => `tok-${run}-${++tokens}`;

beforeAll(async () => {
  endpoint = await motoEndpointForTests('the redeploy tests');
  // Warms the synthesis cache the deploy gate reads, outside the tests' own time.
  const synthesis = await synthesize(referenceSpec().cdk!);
  if (synthesis.status !== 'ok') throw new Error(synthesis.message);
}, 300_000);

describe.each(dialects())('deploying again on $name', (dialect) => {
  const db = useMigratedDb(dialect);
  const { target: stack, deps, settle } = useDeployTarget(db, () => endpoint, `redeploy-${dialect.name}-${run}`);

  it("another user's client token is a 409 that shows nothing of that deploy, and starts nothing", async (ctx) => {
    if (!endpoint) return ctx.skip();
    const clientToken = token();
    const mine = await requestDeploy({ input: { clientToken, execution: 'confirm' }, user: deployer }, deps());
    // While the first deploy holds the stack, and after it ended: the same answer.
    for (const phase of ['in flight', 'finished']) {
      const refused = requestDeploy({ input: { clientToken }, user: other }, deps());
      await expect(refused, phase).rejects.toMatchObject({ code: 'conflict:deploy', details: { reason: 'client_token_taken' } });
      await expect(refused, phase).rejects.not.toThrow(mine.deploy.id);
      if (phase === 'in flight') {
        await settle();
        await cancelDeploy({ id: mine.deploy.id, user: deployer }, deps());
      }
    }
    // Its owner repeating the request still gets the same deploy back.
    const again = await requestDeploy({ input: { clientToken }, user: deployer }, deps());
    expect(again).toMatchObject({ created: false, deploy: { id: mine.deploy.id } });
    const rows = await db.handle.db.selectFrom('deploys').select(['id', 'requested_by']).where('client_token', '=', clientToken).execute();
    expect(rows).toEqual([{ id: mine.deploy.id, requested_by: deployer.id }]);
  }, 120_000);

  it('a cancelled first deploy leaves no REVIEW_IN_PROGRESS stack behind: the next deploy creates the stack', async (ctx) => {
    if (!endpoint) return ctx.skip();
    const target = stack();
    await deleteStackQuietly(target);
    const first = await requestDeploy({ input: { clientToken: token(), execution: 'confirm' }, user: deployer }, deps());
    await settle();
    expect((await getDeploy({ id: first.deploy.id }, deps())).preview?.changeSetType).toBe('CREATE');
    await cancelDeploy({ id: first.deploy.id, user: deployer }, deps());
    expect(await describeStack(target)).toEqual({ exists: false });
    // A shell the cancel could not remove (or another tool's never-run change set) is removed by the next deploy.
    const leftOver = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' } } });
    await createChangeSet(target, { name: 'left-behind', type: 'CREATE', templateBody: leftOver, clientToken: `left-${token()}` });
    expect(await describeStack(target)).toMatchObject({ exists: true, status: 'REVIEW_IN_PROGRESS' });

    const second = await requestDeploy({ input: { clientToken: token(), execution: 'confirm' }, user: deployer }, deps());
    await settle();
    expect(await getDeploy({ id: second.deploy.id }, deps())).toMatchObject({
      status: 'awaiting_confirmation',
      preview: { changeSetType: 'CREATE' },
    });
    await confirmDeploy({ id: second.deploy.id, user: deployer }, deps());
    await settle();
    expect(await getDeploy({ id: second.deploy.id }, deps())).toMatchObject({
      status: 'succeeded',
      outcome: { stackStatus: 'CREATE_COMPLETE', failures: [] },
    });
    expect(await describeStack(target)).toMatchObject({ exists: true, status: 'CREATE_COMPLETE' });
    expect(await getDeployLock({ stackKey: stackKeyOf(target) }, db.handle.db)).toBeUndefined();
  }, 180_000);
});

describe('deleting an abandoned REVIEW_IN_PROGRESS stack', () => {
  const body = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' } } });

  it('deletes an empty shell a never-executed CREATE change set left, and nothing else', async (ctx) => {
    if (!endpoint) return ctx.skip();
    const shell = motoTarget(endpoint, `shell-${run}`);
    const live = motoTarget(endpoint, `live-${run}`);
    try {
      await createChangeSet(shell, { name: 'never-run', type: 'CREATE', templateBody: body, clientToken: `cs-${run}` });
      expect(await describeStack(shell)).toMatchObject({ status: 'REVIEW_IN_PROGRESS' });
      // Not while a change set is on it, when asked: it may be another deploy's fresh one.
      expect(await deleteAbandonedReviewStack(shell, { pollMs: 50, onlyWithoutChangeSets: true })).toBe(false);
      expect(await describeStack(shell)).toMatchObject({ status: 'REVIEW_IN_PROGRESS' });
      expect(await deleteAbandonedReviewStack(shell, { pollMs: 50 })).toBe(true);
      expect(await describeStack(shell)).toEqual({ exists: false });
      expect(await deleteAbandonedReviewStack(shell, { pollMs: 50 })).toBe(false);

      expect(await createStackAndWait(live, body)).toBe('CREATE_COMPLETE');
      expect(await deleteAbandonedReviewStack(live, { pollMs: 50 })).toBe(false);
      expect(await describeStack(live)).toMatchObject({ exists: true, status: 'CREATE_COMPLETE' });
    } finally {
      await deleteStackQuietly(shell);
      await deleteStackQuietly(live);
    }
  }, 60_000);
});
