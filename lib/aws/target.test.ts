import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { cloudFormationClientFor, DEFAULT_STACK_NAME, describeTarget, resolveAwsTarget } from './target';

describe('resolveAwsTarget', () => {
  it('defaults to the reference stack in us-east-1 on the account endpoint', () => {
    expect(resolveAwsTarget({})).toEqual({ region: 'us-east-1', stackName: DEFAULT_STACK_NAME });
    expect(DEFAULT_STACK_NAME).toBe('InfraReviewReference');
  });

  it('reads region, profile, stack name and the CloudFormation endpoint the standard way', () => {
    const env = {
      AWS_REGION: 'eu-west-1',
      AWS_PROFILE: 'deployer',
      INFRA_REVIEW_STACK_NAME: 'Other-Stack',
      AWS_ENDPOINT_URL: 'http://ignored:1',
      AWS_ENDPOINT_URL_CLOUDFORMATION: 'http://127.0.0.1:5000',
    };
    expect(resolveAwsTarget(env)).toEqual({
      region: 'eu-west-1',
      profile: 'deployer',
      stackName: 'Other-Stack',
      endpoint: 'http://127.0.0.1:5000',
    });
  });

  it('falls back to AWS_ENDPOINT_URL and AWS_DEFAULT_REGION, ignoring blank values', () => {
    const env = { AWS_REGION: ' ', AWS_DEFAULT_REGION: 'us-west-2', AWS_ENDPOINT_URL: 'https://cfn.example.test', AWS_PROFILE: '' };
    expect(resolveAwsTarget(env)).toEqual({ region: 'us-west-2', stackName: DEFAULT_STACK_NAME, endpoint: 'https://cfn.example.test' });
  });

  it('rejects a malformed region, stack name or endpoint with every problem listed', () => {
    const error = (() => {
      try {
        resolveAwsTarget({ AWS_REGION: 'moon', INFRA_REVIEW_STACK_NAME: '1bad_name', AWS_ENDPOINT_URL_CLOUDFORMATION: 'localhost:5000' });
      } catch (e) {
        return e;
      }
    })() as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('bad_request:input');
    expect(error.message).toMatch(/AWS_REGION.*INFRA_REVIEW_STACK_NAME.*AWS_ENDPOINT_URL_CLOUDFORMATION/);
  });
});

describe('describeTarget', () => {
  it('describes an account target without an endpoint', () => {
    expect(describeTarget({ region: 'us-east-1', stackName: 'S', profile: 'p' })).toEqual({
      kind: 'account',
      region: 'us-east-1',
      stackName: 'S',
      profile: 'p',
    });
  });

  it('shows only the origin of an endpoint, never user info or query strings', () => {
    const described = describeTarget({ region: 'us-east-1', stackName: 'S', endpoint: 'http://user:secret@127.0.0.1:5000/path?token=x' });
    expect(described).toEqual({ kind: 'endpoint', endpoint: 'http://127.0.0.1:5000', region: 'us-east-1', stackName: 'S' });
    expect(JSON.stringify(described)).not.toMatch(/secret|token/);
  });
});

describe('cloudFormationClientFor', () => {
  it('shares one client per region, profile and endpoint', () => {
    const a = cloudFormationClientFor({ region: 'us-east-1', stackName: 'A', endpoint: 'http://127.0.0.1:5000' });
    const b = cloudFormationClientFor({ region: 'us-east-1', stackName: 'B', endpoint: 'http://127.0.0.1:5000' });
    const c = cloudFormationClientFor({ region: 'us-west-2', stackName: 'A', endpoint: 'http://127.0.0.1:5000' });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
