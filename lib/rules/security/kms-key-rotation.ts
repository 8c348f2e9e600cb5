import { resourcesOfType } from '../../templates/query';
import type { CfnValue } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';
import { settingOf } from '../util/settings';

/** Key material that KMS cannot rotate automatically: imported (EXTERNAL) or held in a custom key store. */
const UNROTATABLE_ORIGINS = new Set(['EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE']);

/** A symmetric encryption key the stack creates must have automatic rotation turned on (it is off by default). */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [id, key] of resourcesOfType(template, 'AWS::KMS::Key')) {
    const props = key.Properties ?? {};
    if (!rotatable(props)) continue;
    const setting = settingOf(props.EnableKeyRotation);
    if (setting === true || setting === 'unknown') continue;
    violations.push({
      message: `KMS key ${id} does not rotate its key material: EnableKeyRotation is ${setting === false ? 'false' : 'not set (off by default)'}.`,
      resources: [id],
      evidence: [
        {
          resource: id,
          path: 'Properties.EnableKeyRotation',
          ...(setting === false ? { value: props.EnableKeyRotation } : {}),
          note: setting === false ? 'turned off' : 'not set',
        },
      ],
    });
  }
  return violations;
}

export const rule: Rule = { id: 'kms-key-rotation', check };

/** Whether KMS can rotate the key automatically: a symmetric encryption key (the default spec and usage) with AWS-generated material. */
function rotatable(props: Readonly<Record<string, CfnValue>>): boolean {
  const spec = props.KeySpec ?? 'SYMMETRIC_DEFAULT';
  const usage = props.KeyUsage ?? 'ENCRYPT_DECRYPT';
  const origin = props.Origin ?? 'AWS_KMS';
  return spec === 'SYMMETRIC_DEFAULT' && usage === 'ENCRYPT_DECRYPT' && typeof origin === 'string' && !UNROTATABLE_ORIGINS.has(origin);
}
