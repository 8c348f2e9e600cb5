import { describe, expect, it } from 'vitest';
import { renderModelFailures } from '../../report/model-failures';
import type { Finding } from '../../rules/finding';
import { applyAcknowledgements } from './apply';

const finding = (rule: string, resource: string): Finding => ({
  rule,
  category: 'security',
  severity: 'error',
  title: rule,
  message: `${rule} on ${resource}`,
  resources: [resource],
  source: 'cdk-nag',
});
const ack = (rule: string, expiresAt: string | null) => ({
  id: rule,
  rule,
  resource: '*',
  reason: `reason for ${rule}`,
  author: 'alice@example.test',
  expiresAt,
});

describe('acknowledgements in the MODEL_FAILURES report', () => {
  it('lists applied acknowledgements with reason, author and expiry, and expired ones as not applied', () => {
    const findings = applyAcknowledgements(
      [finding('AwsSolutions-S10', 'Data'), finding('AwsSolutions-S1', 'Data')],
      [ack('AwsSolutions-S10', '2026-12-31T00:00:00.000Z'), ack('AwsSolutions-S1', '2026-01-01T00:00:00.000Z')],
      new Date('2026-06-01T00:00:00Z'),
    );
    const md = renderModelFailures(findings, { artifact: 'model.json' });
    expect(md).toContain('## Acknowledged');
    expect(md).toMatch(/`AwsSolutions-S10` on .*Data.*: reason for AwsSolutions-S10 \(alice@example\.test, until 2026-12-31\)/);
    expect(md).toContain('## Expired Acknowledgements (not applied)');
    expect(md).toMatch(/`AwsSolutions-S1` on .*Data.*: reason for AwsSolutions-S1 \(alice@example\.test, expired 2026-01-01\)/);
  });
});
