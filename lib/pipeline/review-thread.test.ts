import { afterAll, describe, expect, it } from 'vitest';
import { bucketTemplate } from '../../bench/generators/scaling-pair';
import type { CfnResource } from '../templates/types';
import { compareArtifacts } from './comparison';
import { runRules } from '../rules/engine';
import { compareArtifactsOffThread, runRulesOffThread, shutdownReviewThread } from './review-thread';
import { loadInlineArtifact } from './inline-artifact';

const artifact = (label: string, resources: Readonly<Record<string, CfnResource>>) =>
  loadInlineArtifact(label, [{ name: `${label}.json`, text: JSON.stringify({ Resources: resources }, null, 1), role: 'template' }]);

afterAll(() => shutdownReviewThread());

describe('compareArtifactsOffThread', () => {
  it('a pair compared in the review thread gives the comparison this thread gives', async () => {
    const reference = artifact('reference', {
      ...bucketTemplate(3).Resources,
      Queue: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 30 } },
      Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'alerts' } },
    });
    const model = artifact('model', {
      ...bucketTemplate(3, (i) => i === 1).Resources,
      RenamedQueue: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 60 } },
    });
    const inThread = compareArtifacts(reference, model);
    const offThread = await compareArtifactsOffThread(reference, model, { offThread: true });
    expect(offThread).toEqual(inThread);
    expect(offThread.diff?.counts).toMatchObject({ removed: 1, updated: 2 });
    expect(offThread.differences.map((f) => f.rule)).toContain('difference/missing-resource');
  });

  it('a 5,000-resource pair is compared while timers on this thread keep firing', async () => {
    // The reference has 5,000 buckets; the model drops the last 100 and changes every 50th.
    const reference = artifact('reference', bucketTemplate(5000).Resources);
    const model = artifact('model', bucketTemplate(4900, (i) => i % 50 === 0).Resources);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const ticksWhenDone = compareArtifactsOffThread(reference, model).then((comparison) => ({ comparison, ticks }));
      const { comparison, ticks: seen } = await ticksWhenDone;
      // A comparison on this thread would hold every timer until it is done: none would have fired.
      expect(seen).toBeGreaterThan(2);
      expect(comparison.diff?.counts).toMatchObject({ removed: 100, added: 0, updated: 98 });
      expect(comparison.differences.filter((f) => f.rule === 'difference/missing-resource')).toHaveLength(100);
      expect(comparison.alignments[0].alignment.pairs).toHaveLength(4900);
    } finally {
      clearInterval(timer);
    }
  });

  it('a failing comparison in the thread rejects, and the next one is answered', async () => {
    const reference = artifact('reference', bucketTemplate(2).Resources);
    const broken = { ...artifact('model', bucketTemplate(2).Resources), stacks: [{ name: 'Broken', template: null }] } as never;
    await expect(compareArtifactsOffThread(reference, broken, { offThread: true })).rejects.toThrow(/review thread/);
    const next = await compareArtifactsOffThread(reference, artifact('model', bucketTemplate(1).Resources), { offThread: true });
    expect(next.diff?.counts.removed).toBe(1);
  });
});

describe('runRulesOffThread', () => {
  it('the rules give the same findings in the review thread as here', async () => {
    const template = bucketTemplate(3, (i) => i === 0);
    const input = { template, sources: [] };
    const offThread = await runRulesOffThread(input, { offThread: true });
    expect(offThread).toEqual(runRules(input));
    expect(offThread.some((f) => f.resources.includes('Bucket0'))).toBe(true);
  });
});
