import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { AppError } from '../errors';

/** Stack name of the reference app (infra/lib/config.ts), the default deploy target. */
export const DEFAULT_STACK_NAME = 'InfraReviewReference';

/** Region used when neither AWS_REGION nor AWS_DEFAULT_REGION is set. */
export const DEFAULT_REGION = 'us-east-1';

/** Where infra-review reads and deploys: a CloudFormation endpoint (or the account's default one), a region and a stack. */
export interface AwsTarget {
  readonly region: string;
  readonly stackName: string;
  /** Named profile of the shared config files; undefined means the default credential chain. */
  readonly profile?: string;
  /** A custom CloudFormation endpoint (e.g. moto); undefined means AWS's own regional endpoint. */
  readonly endpoint?: string;
}

/** What the UI shows about a target: no credentials, no query strings, only where requests go. */
export interface TargetDescription {
  readonly kind: 'endpoint' | 'account';
  readonly endpoint?: string;
  readonly region: string;
  readonly stackName: string;
  readonly profile?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The target from the environment, read the way the AWS CLI and SDK read it; throws `bad_request:input` on a malformed value. */
export function resolveAwsTarget(env: Env = process.env): AwsTarget {
  const region = nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? DEFAULT_REGION;
  const stackName = nonEmpty(env.INFRA_REVIEW_STACK_NAME) ?? DEFAULT_STACK_NAME;
  const endpoint = nonEmpty(env.AWS_ENDPOINT_URL_CLOUDFORMATION) ?? nonEmpty(env.AWS_ENDPOINT_URL);
  const profile = nonEmpty(env.AWS_PROFILE);
  const problems: string[] = [];
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) problems.push(`AWS_REGION is not a region name (got "${region}")`);
  if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(stackName)) {
    problems.push(`INFRA_REVIEW_STACK_NAME must start with a letter and hold only letters, digits and hyphens (got "${stackName}")`);
  }
  if (endpoint !== undefined && !isHttpUrl(endpoint)) problems.push('AWS_ENDPOINT_URL_CLOUDFORMATION is not an http(s) URL');
  if (problems.length > 0) throw new AppError('bad_request:input', `Invalid AWS target: ${problems.join('; ')}`);
  return { region, stackName, ...(profile ? { profile } : {}), ...(endpoint ? { endpoint } : {}) };
}

/** A description safe to render: an endpoint target shows the URL without user info, path or query. */
export function describeTarget(target: AwsTarget): TargetDescription {
  const base = { region: target.region, stackName: target.stackName, ...(target.profile ? { profile: target.profile } : {}) };
  if (target.endpoint === undefined) return { kind: 'account', ...base };
  return { kind: 'endpoint', endpoint: new URL(target.endpoint).origin, ...base };
}

const clients = new Map<string, CloudFormationClient>();

/** One shared CloudFormation client per target (the SDK's default credential chain, honouring the profile). */
export function cloudFormationClientFor(target: AwsTarget): CloudFormationClient {
  const key = `${target.region}|${target.profile ?? ''}|${target.endpoint ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    client = new CloudFormationClient({
      region: target.region,
      ...(target.profile ? { profile: target.profile } : {}),
      ...(target.endpoint ? { endpoint: target.endpoint } : {}),
      // Fail fast on an unreachable endpoint instead of the SDK's default three attempts with backoff.
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    });
    clients.set(key, client);
  }
  return client;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
