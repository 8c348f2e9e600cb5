import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countingServer, failedWith } from './test-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedSynthFindings, synthesizeIsolated } from './index';
import { networkNamespaceAvailable, prlimitAvailable } from './sandbox';

/* Hostile answers, each run by the real worker: every one must be contained and reported. */
const LIMITS = { timeoutMs: 60_000, memoryMb: 256 };

/** A TypeScript answer: `lib/tap-stack.ts` runs `code` at load time, then defines a TapStack with a queue. */
function answer(code: string) {
  return [
    {
      path: 'lib/tap-stack.ts',
      text: `import { Stack, CfnOutput } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
${code}
export class TapStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new sqs.Queue(this, 'Queue');
    new CfnOutput(this, 'Seen', { value: JSON.stringify(seen) });
  }
}
`,
    },
  ];
}

const scratchDirs = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith('infra-review-synth-'));
/** Whether a scratch directory holds an answer containing `marker` (other syntheses on the machine have scratch directories too). */
const holds = (dir: string, marker: string) => {
  try {
    return readFileSync(path.join(os.tmpdir(), dir, 'src/lib/tap-stack.ts'), 'utf8').includes(marker);
  } catch {
    return false;
  }
};
const outside = mkdtempSync(path.join(os.tmpdir(), 'hostile-outside-'));
let server: Awaited<ReturnType<typeof countingServer>>;
beforeAll(async () => {
  server = await countingServer();
});
afterAll(async () => {
  await server.close();
  rmSync(outside, { recursive: true, force: true });
});

describe('synthesizeIsolated: hostile answers', () => {
  it('gives the answer none of the app environment: a canary secret is not visible, nor the parent process environment file', async () => {
    process.env.INFRA_REVIEW_CANARY = 'canary-secret-1f3e';
    try {
      const result = await synthesizeIsolated({
        language: 'typescript',
        limits: LIMITS,
        files: answer(`import { readFileSync } from 'node:fs';
let parent = 'unread';
try { parent = readFileSync('/proc/' + process.ppid + '/environ', 'utf8'); } catch (e) { parent = 'refused: ' + (e as NodeJS.ErrnoException).code; }
const seen = { env: process.env, parent };`),
      });
      if (result.status !== 'ok') throw new Error(JSON.stringify(result));
      const seen = JSON.parse(String((result.templates[0].template.Outputs?.Seen as { Value: string }).Value));
      expect(JSON.stringify(seen)).not.toContain('canary-secret-1f3e');
      expect(Object.keys(seen.env).sort()).toEqual([
        'CDK_CONTEXT_JSON',
        'CDK_DEFAULT_REGION',
        'CDK_OUTDIR',
        'CDK_VALIDATION',
        'HOME',
        'NODE_PATH',
        'TMPDIR',
      ]);
      expect(seen.parent).toBe('refused: ERR_ACCESS_DENIED');
    } finally {
      delete process.env.INFRA_REVIEW_CANARY;
    }
  });

  it('answers the stat of the directories above the scratch directory and nothing else of theirs: no listing, no file beside it, no sibling', async () => {
    writeFileSync(path.join(outside, 'beside.txt'), 'secret beside the scratch directory');
    const result = await synthesizeIsolated({
      language: 'typescript',
      limits: LIMITS,
      files: answer(`import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
const attempt = (f: () => unknown) => { try { return String(f()); } catch (e) { return 'refused: ' + (e as NodeJS.ErrnoException).code; } };
const tmp = path.dirname(path.dirname(process.cwd()));
const seen = {
  parentIsDirectory: attempt(() => statSync(tmp).isDirectory()),
  listing: attempt(() => readdirSync(tmp)),
  beside: attempt(() => readFileSync(${JSON.stringify(path.join(outside, 'beside.txt'))}, 'utf8')),
  sibling: attempt(() => statSync(${JSON.stringify(outside)}).isDirectory()),
};`),
    });
    if (result.status !== 'ok') throw new Error(JSON.stringify(result));
    const seen = JSON.parse(String((result.templates[0].template.Outputs?.Seen as { Value: string }).Value));
    expect(seen).toEqual({
      parentIsDirectory: 'true',
      listing: 'refused: ERR_ACCESS_DENIED',
      beside: 'refused: ERR_ACCESS_DENIED',
      sibling: 'refused: ERR_ACCESS_DENIED',
    });
  });

  it.each(['auto', 'module'] as const)(
    'refuses a socket to a server on 127.0.0.1 (network: %s): no connection arrives, the attempt is reported',
    async (network) => {
      const before = server.connections();
      const result = await synthesizeIsolated({
        language: 'typescript',
        limits: LIMITS,
        network,
        files: answer(`import { connect } from 'node:net';
connect(${server.port}, '127.0.0.1').on('connect', () => { throw new Error('connected'); });
const seen = {};`),
      });
      const failure = failedWith(result, 'sandbox');
      expect(failure.containment?.network).toBe(network === 'auto' && networkNamespaceAvailable() ? 'namespace' : 'module');
      expect(failure.message).toMatch(network === 'module' ? /Network access is not allowed/ : /ENETUNREACH|Network access is not allowed/);
      expect(server.connections()).toBe(before);
      expect(isolatedSynthFindings(failure)[0]).toMatchObject({ rule: 'cdk-sandbox', category: 'security' });
    },
  );

  it('refuses the raw TCP binding and worker threads, which could get around the in-process network fallback', async () => {
    for (const code of [
      "(process as unknown as { binding(name: string): unknown }).binding('tcp_wrap');",
      "import { Worker } from 'node:worker_threads';\nnew Worker('1', { eval: true });",
    ]) {
      const result = await synthesizeIsolated({
        language: 'typescript',
        limits: LIMITS,
        network: 'module',
        files: answer(`${code}\nconst seen = {};`),
      });
      expect(failedWith(result, 'sandbox').message).toMatch(/process\.binding|Access to this API has been restricted/);
    }
  });

  it('refuses fetch to 127.0.0.1 as well', async () => {
    const before = server.connections();
    const result = await synthesizeIsolated({
      language: 'typescript',
      limits: LIMITS,
      files: answer(`void fetch('http://127.0.0.1:${server.port}/').then(() => { throw new Error('fetched'); });\nconst seen = {};`),
    });
    failedWith(result, 'sandbox');
    expect(server.connections()).toBe(before);
  });

  it('kills an answer that loops forever at the time limit', async () => {
    const before = scratchDirs();
    const started = Date.now();
    const result = await synthesizeIsolated({
      language: 'typescript',
      limits: { ...LIMITS, timeoutMs: 4000 },
      files: answer('while (true) {}\nconst seen = {};'),
    });
    expect(failedWith(result, 'timeout').message).toMatch(/did not finish within 4 s/);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(scratchDirs().filter((d) => !before.includes(d) && holds(d, 'while (true) {}'))).toEqual([]);
  });

  it('stops an answer that allocates without bound on the JavaScript heap', async () => {
    const result = await synthesizeIsolated({
      language: 'typescript',
      limits: { ...LIMITS, memoryMb: 128 },
      files: answer('const hoard: string[][] = [];\nwhile (true) hoard.push(new Array(100_000).fill("x".repeat(8)));\nconst seen = {};'),
    });
    expect(failedWith(result, 'memory').message).toMatch(/memory limit \(128 MB/);
  });

  it('stops an answer that allocates without bound outside the heap (buffers)', async () => {
    const result = await synthesizeIsolated({
      language: 'typescript',
      limits: { ...LIMITS, memoryMb: 128, rssSlackMb: 256 },
      files: answer(
        'const hoard: Buffer[] = [];\nsetInterval(() => { for (let i = 0; i < 16; i++) hoard.push(Buffer.alloc(16 * 1024 * 1024, 1)); }, 10);\nconst seen = {};',
      ),
    });
    failedWith(result, 'memory');
  });

  it('refuses a write outside the scratch directory: the file never appears', async () => {
    const target = path.join(outside, 'pwned.txt');
    const result = await synthesizeIsolated({
      language: 'typescript',
      limits: LIMITS,
      files: answer(`import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(target)}, 'x');\nconst seen = {};`),
    });
    const failure = failedWith(result, 'sandbox');
    expect(failure.message).toContain('FileSystemWrite');
    expect(failure.diagnostics[0]).toMatchObject({ file: 'lib/tap-stack.ts', line: 5 });
    expect(existsSync(target)).toBe(false);
  });

  it.skipIf(!prlimitAvailable())('refuses a file beyond the size limit, even inside the scratch directory', async () => {
    const result = await synthesizeIsolated({
      language: 'typescript',
      limits: { ...LIMITS, fileMb: 8 },
      files: answer(
        `import { writeFileSync } from 'node:fs';\nwriteFileSync('filler.bin', Buffer.alloc(64 * 1024 * 1024));\nconst seen = {};`,
      ),
    });
    expect(failedWith(result, 'sandbox').message).toMatch(/EFBIG|file too large/);
  });

  it('refuses to spawn a child process: the command never runs', async () => {
    const marker = path.join(outside, 'spawned.txt');
    const result = await synthesizeIsolated({
      language: 'typescript',
      limits: LIMITS,
      files: answer(`import { execSync } from 'node:child_process';\nexecSync('touch ${marker}');\nconst seen = {};`),
    });
    expect(failedWith(result, 'sandbox').message).toMatch(/ChildProcess/);
    expect(existsSync(marker)).toBe(false);
  });
});
