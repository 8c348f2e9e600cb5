import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AppError } from '../errors';
import { openAuth, type Auth } from '../auth/auth';
import type { Actor } from '../auth/audit-log';
import { ROLES } from '../auth/roles';
import { mayGrantScope, TOKEN_SCOPES, type TokenScope } from '../auth/token-scopes';
import { createToken, listTokens, revokeToken } from '../auth/tokens';
import { createUser, getUserByEmail, listUsers, setUserRole } from '../auth/users';
import { getDb } from '../db/connection';
import { migrateToLatest } from '../db/migrate';

/** Usage of the `user` and `token` commands. */
export const USERS_USAGE = `  user add --email <e> --role viewer|reviewer|deployer|admin [--name <n>]
                                         password from stdin when piped, else generated and printed once
  user list                              every user with its role
  user set-role --email <e> --role <role>
  token create --email <e> [--name <label>] [--expires-in-days N] [--scope read|review|deploy|admin]
                                         prints a personal API token once (only its hash is stored);
                                         scope read (read-only) unless given; never above the user's role
  token list --email <e>                 a user's tokens (never the tokens themselves), scope last
  token revoke --id <token id>
`;

const CLI_ACTOR: Actor = { id: null, label: 'cli' };

/** The --role value, or a 400 naming the valid roles. */
function parseRole(value: string | undefined) {
  const parsed = z.enum(ROLES).safeParse(value);
  if (!parsed.success) throw new AppError('bad_request:input', `--role must be one of ${ROLES.join(', ')}`);
  return parsed.data;
}

/** The --scope value (undefined: the default, read), or a 400 naming the valid scopes. */
function parseScope(value: string | undefined): TokenScope | undefined {
  if (value === undefined) return undefined;
  const parsed = z.enum(TOKEN_SCOPES).safeParse(value);
  if (!parsed.success) throw new AppError('bad_request:input', `--scope must be one of ${TOKEN_SCOPES.join(', ')}`);
  return parsed.data;
}

/** `user add|list|set-role` on the configured database (migrated first). */
export async function userCommand(args: string[], out: (text: string) => void): Promise<void> {
  const [sub, ...rest] = args;
  if (!sub || sub === 'help') return out(USERS_USAGE);
  const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
  await withAuth(async (auth) => {
    if (sub === 'add') {
      const email = required(values.email, '--email');
      const piped = await readStdin();
      const password = piped || randomBytes(18).toString('base64url');
      const user = await createUser(
        auth,
        { email, name: values.name ?? email.split('@')[0], password, role: parseRole(values.role) },
        CLI_ACTOR,
      );
      out(`created ${user.role} ${user.email} (${user.id})`);
      if (!piped) out(`password: ${password}\n(shown once: store it now)`);
    } else if (sub === 'list') {
      for (const user of await listUsers(auth)) out(`${user.email}\t${user.role}\t${user.name}\t${user.createdAt.toISOString()}`);
    } else if (sub === 'set-role') {
      const user = await setUserRole(auth, { email: required(values.email, '--email'), role: parseRole(values.role) }, CLI_ACTOR);
      out(`${user.email} is now ${user.role}`);
    } else throw new AppError('bad_request:input', `unknown user command: ${sub ?? '(none)'}\n${USERS_USAGE}`);
  });
}

/** `token create|list|revoke` on the configured database (migrated first). */
export async function tokenCommand(args: string[], out: (text: string) => void): Promise<void> {
  const [sub, ...rest] = args;
  if (!sub || sub === 'help') return out(USERS_USAGE);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      'expires-in-days': { type: 'string' },
      id: { type: 'string' },
      scope: { type: 'string' },
    },
  });
  await withAuth(async (auth) => {
    if (sub === 'create') {
      const user = await userByEmail(auth, required(values.email, '--email'));
      const days = values['expires-in-days'] === undefined ? undefined : Number(values['expires-in-days']);
      const wanted = parseScope(values.scope);
      if (wanted && !mayGrantScope(user.role, wanted)) {
        throw new AppError('bad_request:input', `--scope ${wanted} exceeds ${user.email}'s role (${user.role})`);
      }
      const { id, token, scope, expiresAt } = await createToken(
        auth,
        { userId: user.id, name: values.name, expiresInDays: days, scope: wanted },
        CLI_ACTOR,
      );
      process.stderr.write(
        `token ${id} for ${user.email}, scope ${scope}, ${expiresAt ? `expires ${expiresAt.toISOString()}` : 'no expiry'}; shown once: store it now\n`,
      );
      out(token);
    } else if (sub === 'list') {
      const user = await userByEmail(auth, required(values.email, '--email'));
      for (const t of await listTokens(auth, { userId: user.id })) {
        out(
          `${t.id}\t${t.name ?? '-'}\t${t.start ?? ''}…\t${t.enabled ? 'active' : 'revoked'}\t${t.expiresAt ? new Date(t.expiresAt).toISOString() : 'no expiry'}\t${t.scope}`,
        );
      }
    } else if (sub === 'revoke') {
      await revokeToken(auth, { id: required(values.id, '--id') }, CLI_ACTOR);
      out(`revoked ${values.id}`);
    } else throw new AppError('bad_request:input', `unknown token command: ${sub ?? '(none)'}\n${USERS_USAGE}`);
  });
}

async function withAuth(fn: (auth: Auth) => Promise<void>): Promise<void> {
  const handle = getDb();
  try {
    await migrateToLatest(handle);
    await fn(await openAuth(handle));
  } finally {
    await handle.close();
  }
}

async function userByEmail(auth: Auth, email: string) {
  const user = await getUserByEmail(auth, { email });
  if (!user) throw new AppError('bad_request:input', `no user with email ${email}`);
  return user;
}

function required(value: string | undefined, flag: string): string {
  if (!value?.trim()) throw new AppError('bad_request:input', `${flag} is required`);
  return value.trim();
}

/** Standard input when it is piped or redirected (first line, without its newline); empty for a terminal. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/, 1)[0] ?? '';
}
