import { beforeAll, describe, expect, it } from 'vitest';
import { updateAppSettings } from '../admin/settings';
import type { AuthedUser } from '../auth/authorize';
import { executeChangeSet } from '../aws/changesets';
import { describeStack } from '../aws/cloudformation';
import { createStackAndWait, deleteStackQuietly, motoEndpointForTests, motoTarget } from '../aws/testing';
import { getDeployLock, transitionDeploy } from '../db/queries/deploys';
import { referenceSpec } from '../pipeline/bundled';
import { synthesize } from '../synth/synthesize';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { AppError } from '../errors';
import { cancelDeploy, confirmDeploy } from './decisions';
import { resumeUnattendedDeploys } from './recovery';
import { stackKeyOf } from './records';
import { getDeploy, requestDeploy } from './service';
import { useDeployTarget } from './test-support';

const deployer: AuthedUser = { id: 'user-deployer', email: 'deployer@example.test', name: 'Dee Ployer', role: 'deployer', via: 'session' };
const other: AuthedUser = { id: 'user-other', email: 'other@example.test', name: 'Otto', role: 'deployer', via: 'session' };
const run = `${Date.now().toString(36)}${process.pid}`;
let endpoint: string | undefined;

let referenceResources = 0;

beforeAll(async () => {
  endpoint = await motoEndpointForTests('the deploy tests');
  const synthesis = await synthesize(referenceSpec().cdk!);
  if (synthesis.status !== 'ok') throw new Error(synthesis.message);
  referenceResources = Object.keys(synthesis.template.Resources).length;
}, 300_000);

let tokens = 0;
const token = () => `tok-${run}-${++tokens}`;

describe.each(dialects())('deploying the reference on $name', (dialect) => {
  const db = useMigratedDb(dialect);
  const { target, deps, settle } = useDeployTarget(db, () => endpoint, `deploy-${dialect.name}-${run}`);
  const settings = (patch: Parameters<typeof updateAppSettings>[0]['patch']) =>
    updateAppSettings({ patch, actor: { id: null, label: 'test' } }, db.handle);

  it('creates a CREATE change set, waits for confirmation of its new IAM permissions, then executes to CREATE_COMPLETE', async (ctx) => {
    if (!endpoint) return ctx.skip();
    const { deploy, created } = await requestDeploy({ input: { clientToken: token() }, user: deployer }, deps());
    expect(created).toBe(true);
    expect(deploy.status).toBe('creating_change_set');
    await settle();
    const previewed = await getDeploy({ id: deploy.id }, deps());
    expect(previewed.status).toBe('awaiting_confirmation');
    expect(previewed.preview?.changeSetType).toBe('CREATE');
    expect(previewed.preview?.diff.counts.added).toBe(referenceResources);
    expect(previewed.preview?.approval).toMatchObject({ required: true, policy: 'broadening' });
    expect(previewed.preview?.approval.reasons).toContain('IAM permissions or security group rules are broadened');

    await confirmDeploy({ id: deploy.id, user: deployer }, deps());
    await settle();
    const done = await getDeploy({ id: deploy.id }, deps());
    expect(done).toMatchObject({
      status: 'succeeded',
      confirmedBy: deployer.email,
      outcome: { stackStatus: 'CREATE_COMPLETE', failures: [] },
    });
    expect(done.outcome?.events.length).toBeGreaterThan(0);
    expect(await getDeployLock({ stackKey: stackKeyOf(target()) }, db.handle.db)).toBeUndefined();
    const audit = await db.handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', deploy.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['deploy.requested', 'deploy.confirmed', 'deploy.succeeded']);
  }, 120_000);

  it('a second deploy of the same reference says "no changes" and leaves no change set or lock', async (ctx) => {
    if (!endpoint) return ctx.skip();
    const { deploy } = await requestDeploy({ input: { clientToken: token() }, user: deployer }, deps());
    await settle();
    const done = await getDeploy({ id: deploy.id }, deps());
    expect(done.status).toBe('no_changes');
    expect(done.message).toMatch(/No changes/);
    expect(await getDeployLock({ stackKey: stackKeyOf(target()) }, db.handle.db)).toBeUndefined();
  }, 120_000);

  it('two different requests at once: one deploy, the other gets 409 naming who deploys', async (ctx) => {
    if (!endpoint) return ctx.skip();
    await settings({ deployApprovalPolicy: 'any-change', referenceNatGateways: 2 });
    const results = await Promise.allSettled([
      requestDeploy({ input: { clientToken: token() }, user: deployer }, deps()),
      requestDeploy({ input: { clientToken: token() }, user: other }, deps()),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(AppError);
    expect((lost[0].reason as AppError).status).toBe(409);
    expect((lost[0].reason as AppError).message).toMatch(/(Dee Ployer|Otto) <.*> is deploying/);
    await settle();
    // The winner holds the stack while its UPDATE preview awaits confirmation; a later request is refused too.
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof requestDeploy>>>).value.deploy;
    const previewed = await getDeploy({ id: winner.id }, deps());
    expect(previewed.status).toBe('awaiting_confirmation');
    expect(previewed.preview?.changeSetType).toBe('UPDATE');
    expect(previewed.preview?.diff.counts.added).toBeGreaterThan(0);
    await expect(requestDeploy({ input: { clientToken: token() }, user: other }, deps())).rejects.toMatchObject({
      code: 'conflict:deploy',
    });
    const cancelled = await cancelDeploy({ id: winner.id, user: deployer }, deps());
    expect(cancelled.status).toBe('cancelled');
    await expect(confirmDeploy({ id: winner.id, user: deployer }, deps())).rejects.toMatchObject({ code: 'conflict:deploy' });
    expect(await getDeployLock({ stackKey: stackKeyOf(target()) }, db.handle.db)).toBeUndefined();
  }, 120_000);

  it('a double submit (the same client token twice at once) starts one deploy', async (ctx) => {
    if (!endpoint) return ctx.skip();
    const clientToken = token();
    const [a, b] = await Promise.all([
      requestDeploy({ input: { clientToken }, user: deployer }, deps()),
      requestDeploy({ input: { clientToken }, user: deployer }, deps()),
    ]);
    expect(a.deploy.id).toBe(b.deploy.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    await settle();
    const rows = await db.handle.db.selectFrom('deploys').select('id').where('client_token', '=', clientToken).execute();
    expect(rows).toHaveLength(1);
    await cancelDeploy({ id: a.deploy.id, user: deployer }, deps());
  }, 120_000);

  it('an instance that dies after confirming: another instance finishes the deploy from CloudFormation', async (ctx) => {
    if (!endpoint) return ctx.skip();
    const { deploy } = await requestDeploy({ input: { clientToken: token() }, user: deployer }, deps());
    await settle();
    const previewed = await getDeploy({ id: deploy.id }, deps());
    expect(previewed.status).toBe('awaiting_confirmation');
    // What the dead instance got done: the confirmation committed and ExecuteChangeSet sent, nothing recorded after.
    await transitionDeploy(
      {
        id: deploy.id,
        from: ['awaiting_confirmation'],
        values: {
          status: 'executing',
          confirmed_by: deployer.email,
          executed_at: new Date().toISOString(),
          worker_instance: 'dead-instance',
          worker_seen_at: new Date(Date.now() - 60_000).toISOString(),
        },
      },
      db.handle.db,
    );
    await executeChangeSet(target(), previewed.changeSetId ?? '', deploy.id);
    const resumed = await resumeUnattendedDeploys(
      { handle: db.handle, target: target(), instanceId: 'restarted-instance', pollMs: 50 },
      { drive: deps().onDrive! },
    );
    expect(resumed).toEqual([deploy.id]);
    await settle();
    const done = await getDeploy({ id: deploy.id }, deps());
    expect(done).toMatchObject({ status: 'succeeded', outcome: { stackStatus: 'UPDATE_COMPLETE' } });
    expect(await getDeployLock({ stackKey: stackKeyOf(target()) }, db.handle.db)).toBeUndefined();
    expect((await describeStack(target())).exists).toBe(true);
  }, 120_000);

  it('a change CloudFormation rejects: the failure and its reason are recorded, and nothing stays locked', async (ctx) => {
    if (!endpoint) return ctx.skip();
    const clash = motoTarget(endpoint, `deploy-reject-${dialect.name}-${run}`);
    // The reference's table's logical id already names a topic there: the update cannot turn one into the other.
    await createStackAndWait(clash, { Resources: { DataItems2E91B8E8: { Type: 'AWS::SNS::Topic' } } });
    try {
      const clashDeps = { ...deps(), target: clash };
      const { deploy } = await requestDeploy({ input: { clientToken: token() }, user: deployer }, clashDeps);
      await settle();
      expect((await getDeploy({ id: deploy.id }, clashDeps)).status).toBe('awaiting_confirmation');
      await confirmDeploy({ id: deploy.id, user: deployer }, clashDeps);
      await settle();
      const done = await getDeploy({ id: deploy.id }, clashDeps);
      expect(done.status).toBe('failed');
      expect(done.message).toMatch(/ExecuteChangeSet.*DataItems2E91B8E8 does not support attribute/);
      expect(done.outcome?.stackStatus).toBe('CREATE_COMPLETE');
      expect(await getDeployLock({ stackKey: stackKeyOf(clash) }, db.handle.db)).toBeUndefined();
      const audit = await db.handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', deploy.id).orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['deploy.requested', 'deploy.confirmed', 'deploy.failed']);
    } finally {
      await deleteStackQuietly(clash);
    }
  }, 120_000);

  it('with `execution: "confirm"` a change the policy lets through waits at its preview; by default it executes on its own', async (ctx) => {
    if (!endpoint) return ctx.skip();
    await settings({ deployApprovalPolicy: 'never', referenceNatGateways: 1 });
    try {
      const held = await requestDeploy({ input: { clientToken: token(), execution: 'confirm' }, user: deployer }, deps());
      expect(held.deploy.execution).toBe('confirm');
      await settle();
      const previewed = await getDeploy({ id: held.deploy.id }, deps());
      expect(previewed.status).toBe('awaiting_confirmation');
      expect(previewed.preview?.approval).toEqual({ required: false, policy: 'never', reasons: [] });
      expect(previewed.preview?.diff.counts.removed).toBeGreaterThan(0);
      await cancelDeploy({ id: held.deploy.id, user: deployer }, deps());

      const direct = await requestDeploy({ input: { clientToken: token() }, user: deployer }, deps());
      expect(direct.deploy.execution).toBe('policy');
      await settle();
      const done = await getDeploy({ id: direct.deploy.id }, deps());
      expect(done).toMatchObject({ status: 'succeeded', confirmedBy: null, outcome: { stackStatus: 'UPDATE_COMPLETE' } });
    } finally {
      await settings({ deployApprovalPolicy: 'broadening' });
    }
  }, 120_000);

  it('refuses a deploy when a signed-off session is required and none signed off this reference (422, nothing written)', async (ctx) => {
    if (!endpoint) return ctx.skip();
    await settings({ deployRequiresSignedOffSession: true });
    try {
      const clientToken = token();
      await expect(requestDeploy({ input: { clientToken }, user: deployer }, deps())).rejects.toMatchObject({
        code: 'unprocessable:deploy',
        message: expect.stringMatching(/signed-off audit session/),
      });
      expect(await db.handle.db.selectFrom('deploys').select('id').where('client_token', '=', clientToken).execute()).toEqual([]);
    } finally {
      await settings({ deployRequiresSignedOffSession: false });
    }
  }, 120_000);

  it('rejects malformed input with a 400-class error before touching anything', async () => {
    for (const input of [
      {},
      { clientToken: 'short' },
      { clientToken: 'x'.repeat(65) },
      { clientToken: 'ok-token-1', extra: 1 },
      { clientToken: 'ok-token-1', execution: 'later' },
    ]) {
      await expect(requestDeploy({ input, user: deployer }, deps())).rejects.toThrow();
    }
  });
});
