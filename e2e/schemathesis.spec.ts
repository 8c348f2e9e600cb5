import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { E2E_STACK_NAME, MOTO_ENDPOINT } from '../playwright.config';
import type { E2eUser } from './global-setup';
import { expect, test } from './fixtures';
import { startOwnServer, type OwnServer } from './own-server';

// Schemathesis (PyPI, pinned in scripts/ensure-schemathesis.sh) generates requests from /api/openapi.json, valid and
// invalid, against a server of the same build on a database of its own: as an admin it writes (reviews, sessions,
// acknowledgements, users, settings), and the shared server's specs must not meet that data. No answer may be a 5xx.
// One check stays off: positive_data_acceptance, as some rules are not JSON Schema ("a rule, a resource or both",
// file extensions by review kind), so schema-valid bodies are rightly refused.
const PORT = Number(process.env.E2E_PORT || 3100) + 60;
const MAX_EXAMPLES = process.env.SCHEMATHESIS_MAX_EXAMPLES ?? '8';
const run = promisify(execFile);
let server: OwnServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = await startOwnServer({
    port: PORT,
    dataDir: path.resolve('reports/e2e-schemathesis-data'),
    // The shared server's CloudFormation (moto), on a stack of its own: deploys and stack reads answer for real.
    env: {
      AWS_ENDPOINT_URL_CLOUDFORMATION: MOTO_ENDPOINT,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      INFRA_REVIEW_STACK_NAME: `${E2E_STACK_NAME}-schemathesis`,
    },
  });
});

test.afterAll(() => server?.stop());

test('schemathesis finds no server error anywhere in the API, and every answer conforms to the document', async () => {
  test.setTimeout(420_000);
  const origin = server!.origin;
  const st = execFileSync('bash', ['scripts/ensure-schemathesis.sh', '--print-bin'], { encoding: 'utf8', timeout: 240_000 }).trim();
  const token = await adminToken(origin);
  // The bundled review's first request synthesizes the reference; warm it so no generated request waits for that.
  expect((await fetch(`${origin}/api/reviews/bundled`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

  const args = [
    'run',
    `${origin}/api/openapi.json`,
    ...['--header', `Authorization: Bearer ${token}`],
    ...['--checks', 'all', '--exclude-checks', 'positive_data_acceptance'],
    // A fixed seed and no example database: every run sends the same requests.
    ...['--max-examples', MAX_EXAMPLES, '--seed', process.env.SCHEMATHESIS_SEED ?? '20261207', '--generation-database', 'none'],
    // better-auth's sign-in is rate limited per address (429s would only slow the run); event streams never end.
    ...['--exclude-path-regex', '^/api/auth/|/events$'],
    ...['--request-timeout', '60', '--workers', '1', '--no-color', '--max-failures', '50'],
    ...['--report', 'junit', '--report-junit-path', path.resolve('reports/schemathesis.xml')],
  ];
  // In reports/, where its cache of crashes (.schemathesis/) stays out of the checkout.
  const result = await run(st, args, { cwd: path.resolve('reports'), maxBuffer: 32 * 1024 * 1024, timeout: 360_000 }).then(
    ({ stdout }) => ({ code: 0, output: stripVTControlCharacters(stdout) }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      output: stripVTControlCharacters(`${error.stdout}\n${error.stderr}`),
    }),
  );
  fs.writeFileSync(path.resolve('reports/schemathesis.log'), result.output);
  await test.info().attach('schemathesis output', { body: result.output, contentType: 'text/plain' });
  expect(result.output).toMatch(/API Operations:\s+Selected: \d+/);
  expect(result.code, result.output.slice(-6_000)).toBe(0);
});

/** A bearer token of an admin seeded on the server's own database (e2e/seed-users.ts). */
async function adminToken(origin: string): Promise<string> {
  const output = execFileSync('npx', ['tsx', 'e2e/seed-users.ts'], {
    env: { ...process.env, DATA_DIR: server!.dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { users } = JSON.parse(output.trim().split('\n').at(-1)!) as { users: E2eUser[] };
  const admin = users.find((user) => user.key === 'admin')!;
  const response = await fetch(`${origin}/api/tokens`, {
    method: 'POST',
    headers: { cookie: admin.cookie, origin, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'schemathesis', scope: 'admin' }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { token: string }).token;
}
