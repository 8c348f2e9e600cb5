import type { CfnResource, CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { literalText } from '../util/cfn';
import { isSecretName, literalSecretValue, maskSecret, userDataSecrets } from '../util/secrets';

/** Property names that hold a secret whatever the resource type (`MasterUserPassword`, `AuthToken`, `KdcAdminPassword`, ...). */
const SECRET_PROPERTY = /(password|passphrase|authtoken|secretaccesskey|privatekey|apikey)$/i;

/** Secrets written in the template: parameter defaults, secret properties, secret strings, SSM values, environment variables, user data. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [id, parameter] of Object.entries(template.Parameters ?? {})) {
    const evidence = parameterDefault(id, parameter);
    if (evidence) violations.push(violation(id, [evidence], 'parameter'));
  }
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    const evidence = [...walk(id, resource?.Properties, 'Properties', false), ...ssmValue(id, resource)];
    if (evidence.length) violations.push(violation(id, evidence, 'resource'));
  }
  return violations;
}

export const rule: Rule = { id: 'hardcoded-secrets', check };

function violation(id: string, evidence: Evidence[], kind: 'parameter' | 'resource'): Violation {
  const where = evidence.map((e) => e.path).join(', ');
  return {
    message: `${kind === 'parameter' ? 'Parameter ' : ''}${id} holds a secret written in the template (${where}); anyone who can read the template or the stack can read it.`,
    resources: [id],
    evidence,
  };
}

/** The default of a parameter that is NoEcho or named like a secret (SSM-typed parameters hold a path, not a secret). */
function parameterDefault(id: string, parameter: Readonly<Record<string, CfnValue>>): Evidence | undefined {
  if (String(parameter.Type ?? '').startsWith('AWS::SSM::Parameter::Value')) return undefined;
  const noEcho = parameter.NoEcho === true || parameter.NoEcho === 'true';
  const secret = literalSecretValue(parameter.Default);
  // A NoEcho user name is hidden, not secret: its default gives nothing away that a reviewer would call a credential.
  if (!secret || !(isSecretName(id) || (noEcho && !/user|login|name/i.test(id)))) return undefined;
  return { resource: id, path: 'Default', value: maskSecret(secret), note: `${noEcho ? 'NoEcho ' : ''}parameter with a default secret` };
}

/** Literal secrets in a resource's properties: secret-named properties, environment variables named like secrets, user data. */
function walk(id: string, value: CfnValue | undefined, path: string, variables: boolean): Evidence[] {
  if (!value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => walk(id, item, `${path}.${i}`, variables));
  const out: Evidence[] = [];
  const name = value.Name;
  if (typeof name === 'string' && 'Value' in value && isSecretName(name) && (value.Type ?? 'PLAINTEXT') === 'PLAINTEXT') {
    const secret = literalSecretValue(value.Value);
    if (secret) out.push(found(id, `${path}.Value`, secret, `environment variable ${name}`));
  }
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('Fn::') || key === 'PolicyDocument' || key === 'AssumeRolePolicyDocument' || key === 'Tags') continue;
    const childPath = `${path}.${key}`;
    if (key === 'UserData') {
      out.push(...userDataSecrets(child).map((line) => found(id, childPath, line.trim(), 'user data assigns a literal secret', false)));
    } else if (key === 'SecretString') {
      out.push(...secretString(id, child, childPath));
    } else if ((variables ? isSecretName(key) : SECRET_PROPERTY.test(key)) && literalSecretValue(child)) {
      out.push(found(id, childPath, literalSecretValue(child)!, variables ? `environment variable ${key}` : `literal ${key}`));
    } else {
      out.push(...walk(id, child, childPath, key === 'Variables'));
    }
  }
  return out;
}

function found(id: string, path: string, secret: string, note: string, mask = true): Evidence {
  return { resource: id, path, value: mask ? maskSecret(secret) : secret.replace(/([=:]\s*["']?)(\S{2})\S*/, '$1$2…'), note };
}

/** A literal `SecretString`: a plain string is a secret; JSON is one when a secret-named key has a literal value. */
function secretString(id: string, value: CfnValue | undefined, path: string): Evidence[] {
  const text = literalText(value, '${}');
  if (text === undefined || text.includes('{{resolve:')) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const secret = literalSecretValue(value);
    return secret ? [found(id, path, secret, 'literal secret string')] : [];
  }
  if (!parsed || typeof parsed !== 'object') return [];
  return Object.entries(parsed as Record<string, unknown>)
    .filter(([key, v]) => isSecretName(key) && typeof v === 'string' && literalSecretValue(v) && !v.includes('${}'))
    .map(([key, v]) => found(id, path, v as string, `secret string with a literal "${key}"`));
}

/** An SSM parameter named like a secret whose value is written in the template (SSM parameters of CloudFormation are never SecureString). */
function ssmValue(id: string, resource: CfnResource | undefined): Evidence[] {
  if (resource?.Type !== 'AWS::SSM::Parameter') return [];
  const name = literalText(resource.Properties?.Name, '') ?? '';
  const secret = literalSecretValue(resource.Properties?.Value);
  if (!secret || !(isSecretName(id) || name.split('/').some((part) => part && isSecretName(part)))) return [];
  return [found(id, 'Properties.Value', secret, `SSM parameter ${name || id} stores a secret in plain text`)];
}
