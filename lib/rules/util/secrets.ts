/* What looks like a secret in a template: secret-like names, literal values (not intrinsics or dynamic references), user data lines. */
import type { CfnValue } from '../../templates/types';
import { literalText } from './cfn';

/** A name that holds a secret (`DBPassword`, `API_KEY`, `ClientSecret`, `AuthToken`), not one that points at or describes it. */
export function isSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const last = words.at(-1) ?? '';
  if (POINTER_WORDS.has(last)) return false;
  const text = words.join('_');
  return /(^|_)(password|passwd|pwd|passphrase|secret|token|credentials?)(_|$)|(^|_)(api|access|private|secret|auth|client|signing)_key(_|$)/.test(
    text,
  );
}

/** Last words of a name that point at a secret or describe it rather than hold it. */
const POINTER_WORDS = new Set(
  'arn name id ids path paths parameter param ref length ttl expiry expiration rotation policy type version kms location url uri enabled required table bucket header field store endpoint host issuer audience algorithm seconds minutes hours days timeout count size mode format prefix suffix file'.split(
    ' ',
  ),
);

/** The literal text of a value written in the template: a string, or a `Fn::Sub` without variables; dynamic references and intrinsics are not literals. */
export function literalSecretValue(value: CfnValue | undefined): string | undefined {
  const sub = value && typeof value === 'object' && !Array.isArray(value) ? value['Fn::Sub'] : undefined;
  const text = typeof value === 'string' ? value : typeof sub === 'string' && !sub.includes('${') ? sub : undefined;
  if (text === undefined || text.trim().length < 4 || text.includes('{{resolve:')) return undefined;
  if (/^(true|false|yes|no|none|null|\*+|\d{1,6})$/i.test(text.trim()) || /^(arn:|\/|s3:\/\/|https?:\/\/)/.test(text)) return undefined;
  return text;
}

/** Lines of user data (`Fn::Base64` of a string, `Fn::Sub` or `Fn::Join`) that assign a literal secret or hold an AWS access key. */
export function userDataSecrets(value: CfnValue | undefined): string[] {
  const inner = value && typeof value === 'object' && !Array.isArray(value) && 'Fn::Base64' in value ? value['Fn::Base64'] : value;
  const text = literalText(inner, '${}');
  if (!text) return [];
  return text.split('\n').filter((line) => ASSIGNED_SECRET.test(line) || ACCESS_KEY.test(line) || INLINE_DB_PASSWORD.test(line));
}

/** `DB_PASSWORD=hunter22`, `password: "s3cr3t!"`, `export API_TOKEN='abc123'`: a literal of 6+ characters, not a variable, command or placeholder. */
const ASSIGNED_SECRET = /\b\w*(password|passwd|secret|token|api_?key)\w*["']?\s*[=:]\s*["']?(?![$`{<%/])[^\s"'$`{}<>]{6,}(["']|\s|$)/i;
/** An AWS access key ID. */
const ACCESS_KEY = /\b(AKIA|ASIA)[0-9A-Z]{16}\b/;
/** A MySQL-style `-p<password>` on a command line. */
const INLINE_DB_PASSWORD = /\bmysql(admin)?\b.*\s-p(?![$`{"'])[^\s$`{}]{4,}/;

/** A secret shown in a finding: its first two characters and its length. */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 2)}… (${secret.length} characters)`;
}
