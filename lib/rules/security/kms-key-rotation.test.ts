import { describe, expect, it } from 'vitest';
import * as kms from 'aws-cdk-lib/aws-kms';
import { input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './kms-key-rotation';

describe('kms-key-rotation', () => {
  it('non-compliant 1: a symmetric key without EnableKeyRotation', () => {
    const violations = rule.check(inputFromText('Resources:\n  Key: { Type: AWS::KMS::Key, Properties: { Description: data } }\n'));
    expect(violations.map((v) => v.resources)).toEqual([['Key']]);
    expect(violations[0].evidence).toEqual([{ resource: 'Key', path: 'Properties.EnableKeyRotation', note: 'not set' }]);
  });

  it('non-compliant 2: rotation turned off on a symmetric encryption key written out in full', () => {
    const text = `Resources:\n  Key: { Type: AWS::KMS::Key, Properties: { KeySpec: SYMMETRIC_DEFAULT, KeyUsage: ENCRYPT_DECRYPT, EnableKeyRotation: 'false' } }\n`;
    expect(rule.check(inputFromText(text))[0].message).toBe('KMS key Key does not rotate its key material: EnableKeyRotation is false.');
  });

  it('compliant: rotation on or decided by a condition; asymmetric, HMAC, imported and custom key store keys cannot rotate', () => {
    const text = `
Resources:
  On: { Type: AWS::KMS::Key, Properties: { EnableKeyRotation: true, RotationPeriodInDays: 180 } }
  Decided: { Type: AWS::KMS::Key, Properties: { EnableKeyRotation: !If [Prod, true, false] } }
  Signing: { Type: AWS::KMS::Key, Properties: { KeySpec: RSA_2048, KeyUsage: SIGN_VERIFY } }
  Mac: { Type: AWS::KMS::Key, Properties: { KeySpec: HMAC_256, KeyUsage: GENERATE_VERIFY_MAC } }
  Imported: { Type: AWS::KMS::Key, Properties: { Origin: EXTERNAL } }
  Hsm: { Type: AWS::KMS::Key, Properties: { Origin: AWS_CLOUDHSM } }
`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('CDK-synthesized', () => {
    const synthesized = synthOnce((stack, ids) => {
      ids.plain = logicalId(new kms.Key(stack, 'Plain'));
      new kms.Key(stack, 'Rotated', { enableKeyRotation: true });
    });

    it('non-compliant: a key left at the CDK default; compliant: enableKeyRotation', () => {
      expect(rule.check(input(synthesized.template)).map((v) => v.resources)).toEqual([[synthesized.ids.plain]]);
    });
  });
});
