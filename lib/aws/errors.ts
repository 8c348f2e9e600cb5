import { AppError } from '../errors';
import type { AwsTarget } from './target';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ETIMEDOUT', 'EPIPE']);
const CREDENTIAL_ERRORS = new Set(['CredentialsProviderError', 'ProviderError', 'TokenProviderError']);
const REFUSED_CREDENTIALS = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'ExpiredToken',
  'ExpiredTokenException',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'AccessDeniedException',
]);

/** Whether CloudFormation answered "Stack with id X does not exist" (a ValidationError, not a 404). */
export function isStackMissing(error: unknown): boolean {
  const e = error as { name?: string; message?: string } | undefined;
  return e?.name === 'ValidationError' && /does not exist/i.test(e.message ?? '');
}

/** Turns an SDK failure into an AppError that says what went wrong and where; never echoes credentials. */
export function toAwsAppError(error: unknown, target: AwsTarget, action: string): AppError {
  if (error instanceof AppError) return error;
  const e = (error ?? {}) as { name?: string; message?: string; code?: string; cause?: { code?: string } };
  const where = target.endpoint ? `the CloudFormation endpoint ${new URL(target.endpoint).origin}` : `CloudFormation in ${target.region}`;
  const name = e.name ?? 'Error';
  if (isStackMissing(error)) {
    return new AppError('not_found:stack', `Stack ${target.stackName} does not exist at ${where}`, { cause: error });
  }
  if (CREDENTIAL_ERRORS.has(name)) {
    const profile = target.profile ? ` (profile ${target.profile})` : '';
    return new AppError(
      'unavailable:aws',
      `${action}: AWS credentials missing${profile}: configure the default credential chain or AWS_PROFILE`,
      { cause: error },
    );
  }
  if (REFUSED_CREDENTIALS.has(name)) {
    return new AppError('unavailable:aws', `${action}: ${where} refused the credentials (${name})`, { cause: error });
  }
  const code = e.code ?? e.cause?.code;
  if ((code && NETWORK_CODES.has(code)) || name === 'TimeoutError' || name === 'RequestTimeout') {
    return new AppError('unavailable:aws', `${action}: ${where} is unreachable (${code ?? name})`, { cause: error });
  }
  // An emulator's crash page or JSON error (instead of XML) surfaces as a parser error; keep the server's own words.
  if (/XML parse error|invalid XML|Deserialization error/i.test(e.message ?? '')) {
    const body = (error as { $responseBodyText?: string }).$responseBodyText?.replace(/\s+/g, ' ').trim().slice(0, 300);
    const said = body ? `: ${body}` : '';
    return new AppError('unavailable:aws', `${action}: ${where} answered with something other than CloudFormation XML${said}`, {
      cause: error,
    });
  }
  return new AppError('unavailable:aws', `${action}: ${where} answered ${name}: ${e.message ?? 'no message'}`, { cause: error });
}
