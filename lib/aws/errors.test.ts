import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { isStackMissing, toAwsAppError } from './errors';

const account = { region: 'eu-west-1', stackName: 'S', profile: 'ops' };
const local = { region: 'us-east-1', stackName: 'S', endpoint: 'http://127.0.0.1:5000' };

/** An error shaped like the SDK's: a name, a message and optional extras. */
function sdkError(name: string, message: string, extra: object = {}): Error {
  return Object.assign(new Error(message), { name }, extra);
}

describe('toAwsAppError', () => {
  it('maps "does not exist" to not_found:stack', () => {
    const error = sdkError('ValidationError', 'Stack with id S does not exist');
    expect(isStackMissing(error)).toBe(true);
    expect(toAwsAppError(error, local, 'GetTemplate')).toMatchObject({ code: 'not_found:stack', status: 404 });
  });

  it('says credentials are missing, naming the profile', () => {
    const mapped = toAwsAppError(
      sdkError('CredentialsProviderError', 'Could not load credentials from any providers'),
      account,
      'DescribeStacks',
    );
    expect(mapped).toMatchObject({ code: 'unavailable:aws', status: 502 });
    expect(mapped.message).toMatch(/credentials missing \(profile ops\)/);
  });

  it('says the account refused credentials without echoing them', () => {
    const mapped = toAwsAppError(sdkError('InvalidClientTokenId', 'The security token AKIA123 is invalid'), account, 'DescribeStacks');
    expect(mapped.message).toBe('DescribeStacks: CloudFormation in eu-west-1 refused the credentials (InvalidClientTokenId)');
  });

  it('says the endpoint is unreachable on a network error', () => {
    const mapped = toAwsAppError(sdkError('Error', 'connect ECONNREFUSED', { code: 'ECONNREFUSED' }), local, 'DescribeStacks');
    expect(mapped.message).toBe('DescribeStacks: the CloudFormation endpoint http://127.0.0.1:5000 is unreachable (ECONNREFUSED)');
  });

  it("keeps the server's words when it answers with something other than XML", () => {
    const body = '{"__type": "BadRequestException", "message": "The REST API doesn\'t contain any methods"}';
    const mapped = toAwsAppError(
      sdkError('Error', "char '{' is not expected.: 1:1 Deserialization error", { $responseBodyText: body }),
      local,
      'ListStackResources',
    );
    expect(mapped.message).toContain("The REST API doesn't contain any methods");
  });

  it('passes an AppError through unchanged', () => {
    const original = new AppError('conflict:state', 'busy');
    expect(toAwsAppError(original, local, 'x')).toBe(original);
  });
});
