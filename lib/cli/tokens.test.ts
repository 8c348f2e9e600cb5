import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'infra-review-cli-tokens-'));

/** Runs the CLI as users do, in a fresh process on its own SQLite database. */
function cli(args: string[], input = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args], {
    encoding: 'utf8',
    cwd: process.cwd(),
    input,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('infra-review token', () => {
  it('creates a token with the scope asked for, lists the scope last and refuses an unknown one or one above the user’s role', () => {
    expect(cli(['user', 'add', '--email', 'ci@example.com', '--role', 'deployer'], 'a long enough password\n').code).toBe(0);
    const created = cli(['token', 'create', '--email', 'ci@example.com', '--name', 'ci', '--scope', 'review']);
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toMatch(/^irv_/);
    expect(created.stderr).toContain('scope review');
    const refused = cli(['token', 'create', '--email', 'ci@example.com', '--scope', 'root']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--scope must be one of read, review, deploy, admin');
    const above = cli(['token', 'create', '--email', 'ci@example.com', '--scope', 'admin']);
    expect(above.code).not.toBe(0);
    expect(above.stderr).toContain("exceeds ci@example.com's role (deployer)");
    const listed = cli(['token', 'list', '--email', 'ci@example.com']);
    expect(
      listed.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t').at(-1)),
    ).toEqual(['review']);
  });
});
