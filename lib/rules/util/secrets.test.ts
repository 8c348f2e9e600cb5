import { describe, expect, it } from 'vitest';
import type { CfnValue } from '../../templates/types';
import { isSecretName, literalSecretValue, maskSecret, userDataSecrets } from './secrets';

describe('util/secrets', () => {
  it('literalSecretValue keeps literals and leaves intrinsics, dynamic references, paths and flags out', () => {
    expect(literalSecretValue('hunter2222')).toBe('hunter2222');
    expect(literalSecretValue({ 'Fn::Sub': 'no-variables-here' })).toBe('no-variables-here');
    const notLiterals: CfnValue[] = [
      { Ref: 'P' },
      { 'Fn::Sub': '${P}-x' },
      '{{resolve:secretsmanager:s}}',
      '/app/secret',
      'arn:aws:x',
      'true',
      '3600',
      'abc',
    ];
    for (const value of notLiterals) expect(literalSecretValue(value)).toBeUndefined();
  });

  it('userDataSecrets finds literal assignments, access keys and mysql -p, not variables or commands', () => {
    const userData = {
      'Fn::Base64': {
        'Fn::Join': [
          '\n',
          [
            'export API_TOKEN=abc123def',
            'AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP',
            'PASSWORD=$(get-secret)',
            'mysql -u root -pS3cret! db',
            'DB_PASSWORD=${DbPassword}',
          ],
        ],
      },
    };
    expect(userDataSecrets(userData)).toEqual([
      'export API_TOKEN=abc123def',
      'AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP',
      'mysql -u root -pS3cret! db',
    ]);
  });

  it('isSecretName and maskSecret', () => {
    expect(isSecretName('MasterUserPassword')).toBe(true);
    expect(isSecretName('MasterUserSecretArn')).toBe(false);
    expect(maskSecret('hunter2222')).toBe('hu… (10 characters)');
  });
});
