import { afterAll, describe, expect, it } from 'vitest';
import { cfnLintPids, cfnLintProcessCount, lintTemplateText, shutdownCfnLint } from './client';
import { cfnLintPython } from './python';
import { INVALID_ALARM_PERIOD } from './test-templates';

const broken = ['Resources:', ...INVALID_ALARM_PERIOD].join('\n');

afterAll(shutdownCfnLint);

describe('cfn-lint worker', () => {
  it('finds the python of the installed cfn-lint, or the one INFRA_REVIEW_CFN_LINT names (a python or a virtualenv)', () => {
    expect(cfnLintPython({ INFRA_REVIEW_CFN_LINT: '/opt/py/bin/python3' })).toBe('/opt/py/bin/python3');
    expect(cfnLintPython({ INFRA_REVIEW_CFN_LINT: process.cwd() })).toBe(`${process.cwd()}/bin/python`);
    expect(cfnLintPython({ INFRA_REVIEW_ROOT: '/nonexistent' })).toBeUndefined();
  });

  it('lints a template with the real cfn-lint: an invalid alarm period is E3615 on its resource, path and line', async () => {
    const outcome = await lintTemplateText(broken);
    if ('error' in outcome) throw new Error(outcome.error);
    expect(outcome.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(outcome.matches).toContainEqual(
      expect.objectContaining({ rule: 'E3615', level: 'error', path: ['Resources', 'Alarm', 'Properties', 'Period'], line: 9 }),
    );
  });

  it('lints each template in one process per core up to two, or as many as INFRA_REVIEW_CFN_LINT_PROCESSES says', () => {
    expect(cfnLintProcessCount({ INFRA_REVIEW_CFN_LINT_PROCESSES: '3' })).toBe(3);
    expect(cfnLintProcessCount({ INFRA_REVIEW_CFN_LINT_PROCESSES: 'many' })).toBeGreaterThanOrEqual(1);
    expect(cfnLintProcessCount({})).toBeLessThanOrEqual(2);
  });

  it('reuses the same processes for every template', async () => {
    await lintTemplateText(broken);
    const pids = cfnLintPids();
    expect(pids).toHaveLength(cfnLintProcessCount());
    const outcome = await lintTemplateText('Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n');
    expect(outcome).toMatchObject({ matches: [] });
    expect(cfnLintPids()).toEqual(pids);
  });

  it('reports a template that takes too long, kills the process, and lints the next template with a new one', async () => {
    await lintTemplateText(broken);
    const [pid] = cfnLintPids();
    expect(await lintTemplateText(broken, { timeoutMs: 1 })).toEqual({ error: 'no answer within 0.001 s (cfn-lint restarted)' });
    expect(cfnLintPids()).toEqual([]);
    const next = await lintTemplateText(broken);
    expect(next).toMatchObject({ matches: [expect.objectContaining({ rule: 'E3615' })] });
    expect(cfnLintPids()).not.toContain(pid);
  });

  it('reports a template whose process dies while linting it, and lints the next template with a new process', async () => {
    await lintTemplateText(broken);
    const pending = lintTemplateText(broken);
    process.kill(cfnLintPids()[0], 'SIGKILL');
    expect(await pending).toEqual({ error: expect.stringMatching(/^cfn-lint exited \(SIGKILL\)/) });
    expect(await lintTemplateText(broken)).toMatchObject({ matches: [expect.objectContaining({ rule: 'E3615' })] });
  });

  it('reports a template cfn-lint cannot parse as its own E0000 diagnostic', async () => {
    const outcome = await lintTemplateText('Resources: [unclosed');
    expect(outcome).toMatchObject({ matches: [expect.objectContaining({ rule: 'E0000', level: 'error' })] });
  });
});
