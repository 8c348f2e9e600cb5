import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAuditSession } from '@/lib/audit/create-session';
import { getSessionView } from '@/lib/audit/session-view';
import { authed, manualFinding, params, testRequest, useRouteEnv } from '@/lib/audit/test-support';
import { ROLES, type Role } from '@/lib/auth/roles';
import { dialects } from '@/lib/db/test-dialects';

// Every state-changing route of the app against every role. A new POST/PUT/PATCH/DELETE route under app/api fails the
// first test until it gets a row here (or, for a library's own endpoint, an entry in EXEMPT with the reason).

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Caller = 'anonymous' | Role;

/** One mutating route: the least role it admits, a valid request for it, and the statuses an admitted caller gets. */
interface MatrixRow {
  method: Method;
  /** The route's folder under the project root, e.g. `app/api/sessions/[sid]/signoffs`. */
  route: string;
  minRole: Role;
  params: () => Record<string, string>;
  body?: () => unknown;
  allowed: number[];
}

const API = path.join(process.cwd(), 'app/api');
const EXEMPT: Record<string, string> = {
  'POST app/api/auth/[...all]':
    "better-auth's open endpoints (sign-in, sign-out; the rest answer 404): public by design, rate limited, tested in lib/auth and app/api/tokens",
};

const fixture = { sessionId: '', key: '' };
const unique = () => randomBytes(4).toString('hex');
const ROWS: MatrixRow[] = [
  {
    method: 'POST',
    route: 'app/api/reviews',
    minRole: 'reviewer',
    params: () => ({}),
    body: () => ({
      kind: 'templates',
      reference: { path: 'a.json', text: '{"Resources":{"Q":{"Type":"AWS::SQS::Queue"}}}' },
      model: { path: 'b.json', text: '{"Resources":{"T":{"Type":"AWS::SNS::Topic"}}}' },
    }),
    allowed: [201],
  },
  {
    method: 'PATCH',
    route: 'app/api/reviews/[id]',
    minRole: 'reviewer',
    params: () => ({ id: 'bundled' }),
    body: () => ({ name: 'matrix' }),
    allowed: [409],
  },
  {
    method: 'DELETE',
    route: 'app/api/reviews/[id]',
    minRole: 'reviewer',
    params: () => ({ id: 'r-000000000000' }),
    allowed: [404],
  },
  {
    method: 'POST',
    route: 'app/api/reviews/[id]/sessions',
    minRole: 'reviewer',
    params: () => ({ id: 'bundled' }),
    body: () => ({ name: 'matrix' }),
    allowed: [201],
  },
  {
    method: 'POST',
    route: 'app/api/reviews/[id]/acknowledgements',
    minRole: 'reviewer',
    params: () => ({ id: 'bundled' }),
    body: () => ({ rule: 'matrix-rule', reason: 'matrix' }),
    allowed: [201],
  },
  {
    method: 'DELETE',
    route: 'app/api/reviews/[id]/acknowledgements/[ackId]',
    minRole: 'reviewer',
    params: () => ({ id: 'bundled', ackId: 'no-such-ack' }),
    allowed: [404],
  },
  {
    method: 'PUT',
    route: 'app/api/sessions/[sid]/findings/[key]/verdict',
    minRole: 'reviewer',
    params: () => ({ sid: fixture.sessionId, key: fixture.key }),
    body: () => ({ verdict: 'confirmed' }),
    allowed: [200],
  },
  {
    method: 'PUT',
    route: 'app/api/sessions/[sid]/verdicts',
    minRole: 'reviewer',
    params: () => ({ sid: fixture.sessionId }),
    body: () => ({ keys: [fixture.key], verdict: 'accepted_risk' }),
    allowed: [200],
  },
  {
    method: 'POST',
    route: 'app/api/sessions/[sid]/line-comments',
    minRole: 'reviewer',
    params: () => ({ sid: fixture.sessionId }),
    body: () => ({ side: 'model', file: 'infra/model/MODEL_RESPONSE.md', line: 1, body: 'this line' }),
    allowed: [201],
  },
  {
    method: 'POST',
    route: 'app/api/sessions/[sid]/findings/[key]/comments',
    minRole: 'reviewer',
    params: () => ({ sid: fixture.sessionId, key: fixture.key }),
    body: () => ({ body: 'looks right' }),
    allowed: [201],
  },
  {
    method: 'POST',
    route: 'app/api/sessions/[sid]/manual-findings',
    minRole: 'reviewer',
    params: () => ({ sid: fixture.sessionId }),
    body: manualFinding,
    allowed: [201],
  },
  {
    method: 'POST',
    route: 'app/api/sessions/[sid]/signoffs',
    minRole: 'reviewer',
    params: () => ({ sid: fixture.sessionId }),
    body: () => ({}),
    allowed: [201],
  },
  {
    method: 'POST',
    route: 'app/api/admin/users',
    minRole: 'admin',
    params: () => ({}),
    body: () => ({ email: `matrix-${unique()}@test.invalid`, name: 'Matrix', role: 'viewer' }),
    allowed: [201],
  },
  {
    method: 'PATCH',
    route: 'app/api/admin/users/[id]',
    minRole: 'admin',
    params: () => ({ id: 'no-such-user' }),
    body: () => ({ role: 'viewer' }),
    allowed: [404],
  },
  { method: 'PUT', route: 'app/api/settings', minRole: 'admin', params: () => ({}), body: () => ({ requiredSignoffs: 1 }), allowed: [200] },
  { method: 'POST', route: 'app/api/tokens', minRole: 'viewer', params: () => ({}), body: () => ({ name: 'matrix' }), allowed: [201] },
  { method: 'DELETE', route: 'app/api/tokens/[id]', minRole: 'viewer', params: () => ({ id: 'no-such-token' }), allowed: [404] },
  { method: 'PATCH', route: 'app/api/account', minRole: 'viewer', params: () => ({}), body: () => ({ name: 'Matrix' }), allowed: [200] },
  // An admitted caller's malformed request stops at validation: a real deploy is exercised in lib/deploy and e2e.
  {
    method: 'POST',
    route: 'app/api/deploys',
    minRole: 'deployer',
    params: () => ({}),
    body: () => ({ clientToken: 'bad' }),
    allowed: [400],
  },
  { method: 'POST', route: 'app/api/deploys/[id]/confirm', minRole: 'deployer', params: () => ({ id: 'no-such-deploy' }), allowed: [404] },
  { method: 'POST', route: 'app/api/deploys/[id]/cancel', minRole: 'deployer', params: () => ({ id: 'no-such-deploy' }), allowed: [404] },
];

/** `METHOD app/api/...` for every mutating handler exported by a route.ts under app/api. */
function mutatingRoutes(dir = API): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...mutatingRoutes(full));
    else if (entry.name === 'route.ts') {
      const route = path.relative(process.cwd(), dir).split(path.sep).join('/');
      for (const method of exportedMethods(readFileSync(full, 'utf8'))) found.push(`${method} ${route}`);
    }
  }
  return found.sort();
}

/** Mutating methods a route module exports: `export const POST`, `export async function PUT`, `export { x as DELETE }`. */
function exportedMethods(source: string): Method[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+(POST|PUT|PATCH|DELETE)\b/g)) names.add(m[1]);
  for (const list of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of list[1].split(','))
      names.add(
        item
          .trim()
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
  }
  return (['POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((method) => names.has(method));
}

/** The path a browser would request for a route folder and its params. */
function urlPath(row: MatrixRow): string {
  const values = row.params();
  return `/${row.route.replace(/^app\//, '').replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(values[name]))}`;
}

describe('the route matrix', () => {
  it('has a row for every mutating route (or an exemption with a reason)', () => {
    const listed = [...ROWS.map((row) => `${row.method} ${row.route}`), ...Object.keys(EXEMPT)].sort();
    expect(listed).toEqual(mutatingRoutes());
  });
});

describe.each(dialects().slice(0, 1))('every mutating route × every role on $name', (dialect) => {
  const env = useRouteEnv(dialect);

  beforeAll(async () => {
    const session = await createAuditSession({
      reviewId: 'bundled',
      input: { name: 'matrix', requiredSignoffs: 10 },
      user: authed(env.users.reviewer),
    });
    fixture.sessionId = session.id;
    fixture.key = (await getSessionView({ sessionId: session.id, user: authed(env.users.reviewer) })).findings[0].key;
  });

  const cases = ROWS.flatMap((row) => (['anonymous', ...ROLES] as Caller[]).map((caller) => ({ row, caller })));
  it.each(cases)('$row.method $row.route as $caller', async ({ row, caller }) => {
    const module = (await import(path.join(process.cwd(), row.route, 'route.ts'))) as Record<
      Method,
      (req: Request, ctx: unknown) => Promise<Response>
    >;
    const who = caller === 'anonymous' ? 'anonymous' : { cookie: env.users[caller] };
    const res = await module[row.method](testRequest(row.method, urlPath(row), who, row.body?.()), params(row.params()));
    if (caller === 'anonymous') expect(res.status).toBe(401);
    else if (ROLES.indexOf(caller) < ROLES.indexOf(row.minRole)) expect(res.status).toBe(403);
    else expect(row.allowed, `${res.status}: ${await res.clone().text()}`).toContain(res.status);
  });
});
