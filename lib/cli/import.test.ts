import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/connection';
import { cfnTaskFiles, writeCfnCorpus, writeTaskFolder } from '../../bench/generators/task-corpus';

const root = mkdtempSync(path.join(os.tmpdir(), 'infra-review-import-'));
const dataDir = path.join(root, 'data');
const corpus = path.join(root, 'corpus');
writeCfnCorpus(corpus, 4);
mkdirSync(path.join(corpus, 'empty-folder'));
writeTaskFolder(path.join(corpus, 'no-answer'), { 'PROMPT.md': '# A prompt only\n' });
writeTaskFolder(path.join(corpus, 'bad-metadata'), { ...cfnTaskFiles(9), 'metadata.json': '{"platform":' });
writeTaskFolder(path.join(corpus, 'bad-template'), { ...cfnTaskFiles(10), 'lib/TapStack.yml': 'Resources: [\n' });
writeTaskFolder(path.join(root, 'cdk-task'), {
  'metadata.json': '{"platform":"cdk","language":"ts"}',
  'lib/tap-stack.ts': "import * as cdk from 'aws-cdk-lib';\n",
  'MODEL_RESPONSE.md': "```ts\nimport * as cdk from '@aws-cdk/core';\n```\n",
});

/** Runs the CLI in a fresh process on the test's own SQLite database. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args], {
    encoding: 'utf8',
    cwd: process.cwd(),
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    timeout: 240_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('infra-review import', () => {
  it('imports a folder of task folders, reports each (id, files, counts) or why not, and exits 1 when some failed', () => {
    const { code, stdout, stderr } = cli('import', corpus);
    expect(code, stderr).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(8);
    const imported = lines.filter((l) => l.startsWith('imported '));
    expect(imported).toHaveLength(5);
    expect(imported.find((l) => l.includes('task-0000'))).toMatch(
      /→ r-[0-9a-f]{12} \[cfn\/yaml, analyzed\] files: PROMPT\.md, MODEL_RESPONSE\.md, IDEAL_RESPONSE\.md, MODEL_FAILURES\.md, metadata\.json, lib\/TapStack\.yml; model findings \d+ \(.*security \d+/,
    );
    expect(imported.find((l) => l.includes('bad-template'))).toMatch(
      /\[cfn\/yaml, failed\].*not analyzed yet — reference: lib\/TapStack\.yml: cannot parse YAML/,
    );
    expect(lines.find((l) => l.includes('empty-folder'))).toMatch(/^failed .*not a task folder/);
    expect(lines.find((l) => l.includes('no-answer'))).toMatch(/^failed .*no MODEL_RESPONSE\.md/);
    expect(lines.find((l) => l.includes('bad-metadata'))).toMatch(/^failed .*metadata\.json is not valid JSON/);
    // Not a terminal: plain counter lines, and the summary.
    expect(stderr).toMatch(/^storing 8\/8$/m);
    expect(stderr).toMatch(/^analyzing 4\/4$/m);
    expect(stderr).toMatch(/imported 5 of 8 folder\(s\), 3 failed/);
  }, 240_000);

  it('writes the reviews to the configured database, where they are listed with their counts', async () => {
    const handle = openDb({ dialect: 'sqlite', file: path.join(dataDir, 'infra-review.sqlite') });
    try {
      const rows = await handle.db
        .selectFrom('reviews')
        .select(['name', 'status', 'count_security', 'prompt', 'model_failures'])
        .orderBy('name')
        .execute();
      expect(rows.map((r) => [r.name, r.status])).toEqual([
        ['bad-template', 'failed'],
        ...[0, 1, 2, 3].map((i) => [`task-000${i}`, 'analyzed']),
      ]);
      expect(rows.filter((r) => r.status === 'analyzed').every((r) => r.count_security > 0 && r.prompt && r.model_failures)).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it('imports a single task folder without analysis as pending, with --json, exit 0', () => {
    const { code, stdout } = cli('import', path.join(root, 'cdk-task'), '--no-analyze', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).outcomes).toEqual([
      expect.objectContaining({
        ok: true,
        platform: 'cdk',
        language: 'ts',
        status: 'pending',
        counts: null,
        files: ['MODEL_RESPONSE.md', 'metadata.json', 'lib/tap-stack.ts'],
      }),
    ]);
  }, 120_000);

  it('exits 2 on bad usage: no folder, a missing folder, a bad --concurrency', () => {
    expect(cli('import').code).toBe(2);
    const missing = cli('import', path.join(root, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/not a folder/);
    writeFileSync(path.join(root, 'file.txt'), 'x');
    expect(cli('import', path.join(root, 'file.txt')).code).toBe(2);
    expect(cli('import', corpus, '--concurrency', '0').code).toBe(2);
  }, 120_000);
});
