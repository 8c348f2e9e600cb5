import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countingServer, failedWith } from './test-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesizeIsolated } from './index';
import { PYTHON_CDK_VENV, pythonToolchain, synthesizePython } from './python';
import { networkNamespaceAvailable, prlimitAvailable } from './sandbox';
import { DEFAULT_LIMITS } from './types';

/* Python answers run by a real python3 in the same containment (no CDK needed to show containment); real CDK
   syntheses use the default toolchain (the .cache venv that npm test installs), which CI must have. */
const python3 = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout?.trim();
const canContain = Boolean(python3) && networkNamespaceAvailable();
const LIMITS = { ...DEFAULT_LIMITS, timeoutMs: 30_000, memoryMb: 256, rssSlackMb: 128 };
const run = (text: string, limits = LIMITS) => synthesizePython(python3, [{ path: 'app.py', text }], undefined, limits);

const outside = mkdtempSync(path.join(os.tmpdir(), 'python-outside-'));
let server: Awaited<ReturnType<typeof countingServer>>;
beforeAll(async () => {
  chmodSync(outside, 0o755);
  server = await countingServer();
});
afterAll(async () => {
  await server.close();
  rmSync(outside, { recursive: true, force: true });
});

describe.skipIf(!canContain)('synthesizePython: containment', () => {
  it('reports a syntax error as a compile failure with file and line', async () => {
    const result = failedWith(await run('import os\n\ndef broken(:\n    pass\n'), 'compile');
    expect(result.diagnostics[0]).toMatchObject({ file: 'app.py', line: 3 });
  });

  it('gives the answer an empty environment (no canary secret) and runs it as nobody', async () => {
    process.env.INFRA_REVIEW_CANARY = 'canary-secret-py-77';
    try {
      const result = failedWith(
        await run('import os, json\nraise SystemExit(json.dumps({"env": dict(os.environ), "uid": os.getuid()}))\n'),
        'synth',
      );
      const seen = JSON.parse(result.message.slice(result.message.indexOf('{')));
      expect(JSON.stringify(seen)).not.toContain('canary-secret-py-77');
      expect(Object.keys(seen.env)).not.toContain('INFRA_REVIEW_CANARY');
      expect(result.containment).toEqual({ network: 'namespace', filesystem: process.getuid?.() === 0 ? 'unprivileged-user' : 'none' });
      if (process.getuid?.() === 0) expect(seen.uid).toBe(65534);
    } finally {
      delete process.env.INFRA_REVIEW_CANARY;
    }
  });

  it('cuts the network: a socket to 127.0.0.1 is unreachable and the server sees no connection', async () => {
    const before = server.connections();
    const result = failedWith(await run(`import socket\nsocket.create_connection(("127.0.0.1", ${server.port}), timeout=5)\n`), 'sandbox');
    expect(result.message).toMatch(/Network is unreachable/);
    expect(server.connections()).toBe(before);
  });

  it('kills an answer that loops forever, and one that allocates without bound', async () => {
    expect(failedWith(await run('while True:\n    pass\n', { ...LIMITS, timeoutMs: 3000 }), 'timeout').message).toMatch(/within 3 s/);
    failedWith(await run('hoard = []\nwhile True:\n    hoard.append(bytearray(16 * 1024 * 1024))\n'), 'memory');
  });

  it.skipIf(!prlimitAvailable())('cannot write a file beyond the size limit', async () => {
    const result = failedWith(await run('open("filler.bin", "wb").write(bytes(64 * 1024 * 1024))\n', { ...LIMITS, fileMb: 8 }), 'sandbox');
    expect(result.message).toMatch(/File too large/);
  });

  it.skipIf(process.getuid?.() !== 0)("cannot write into the app's directories", async () => {
    const target = path.join(outside, 'pwned.txt');
    const result = failedWith(await run(`open(${JSON.stringify(target)}, "w").write("x")\n`), 'sandbox');
    expect(result.message).toMatch(/PermissionError/);
    expect(result.diagnostics[0]).toMatchObject({ file: 'app.py', line: 1 });
    expect(existsSync(target)).toBe(false);
  });
});

/** Runs `body` with INFRA_REVIEW_PYTHON unset, so the default toolchain (the .cache venv) is the one used. */
async function withDefaultToolchain<T>(body: () => Promise<T>): Promise<T> {
  const saved = process.env.INFRA_REVIEW_PYTHON;
  delete process.env.INFRA_REVIEW_PYTHON;
  try {
    return await body();
  } finally {
    if (saved !== undefined) process.env.INFRA_REVIEW_PYTHON = saved;
  }
}

const PY_LIMITS = { timeoutMs: 240_000 };

describe.skipIf(!canContain)('synthesizeIsolated: Python CDK answers with the installed toolchain (scripts/ensure-python-cdk.sh)', () => {
  beforeAll(() => {
    // `npm test` and .ci/run install the toolchain first; in CI its absence is a failure, not a skip.
    if (process.env.CI && !withDefaultToolchainPath())
      throw new Error(`No Python CDK toolchain at ${PYTHON_CDK_VENV}: scripts/ensure-python-cdk.sh must run before the tests.`);
  });
  const skipWithout = (ctx: { skip: () => void }) => withDefaultToolchainPath() ?? ctx.skip();

  it('synthesizes an app whose app.py imports its own package, by default (INFRA_REVIEW_PYTHON unset)', async (ctx) => {
    skipWithout(ctx);
    const files = [
      {
        path: 'app.py',
        text: 'import aws_cdk as cdk\nfrom stacks.queue_stack import QueueStack\napp = cdk.App()\nQueueStack(app, "PyStack")\napp.synth()\n',
      },
      { path: 'stacks/__init__.py', text: '' },
      {
        path: 'stacks/queue_stack.py',
        text: 'from aws_cdk import Stack, aws_sqs as sqs\n\nclass QueueStack(Stack):\n    def __init__(self, scope, id, **kwargs):\n        super().__init__(scope, id, **kwargs)\n        sqs.Queue(self, "Jobs")\n',
      },
    ];
    const result = await withDefaultToolchain(() => synthesizeIsolated({ language: 'python', files, limits: PY_LIMITS }));
    if (result.status !== 'ok') throw new Error(JSON.stringify(result));
    expect(result.containment).toEqual({ network: 'namespace', filesystem: process.getuid?.() === 0 ? 'unprivileged-user' : 'none' });
    expect(result.templates.map((t) => t.stackName)).toEqual(['PyStack']);
    expect(Object.values(result.templates[0].template.Resources).map((r) => r.Type)).toEqual(['AWS::SQS::Queue']);
  }, 300_000);

  it('generates the entry of an answer without app.py, and reports an error in its stack module with file and line', async (ctx) => {
    skipWithout(ctx);
    const stack = (body: string) => ({
      path: 'lib/tap_stack.py',
      text: `from aws_cdk import Stack, aws_s3 as s3\n\nclass TapStack(Stack):\n    def __init__(self, scope, id, **kwargs):\n        super().__init__(scope, id, **kwargs)\n${body}`,
    });
    const ok = await withDefaultToolchain(() =>
      synthesizeIsolated({ language: 'python', files: [stack('        s3.Bucket(self, "Data")\n')], limits: PY_LIMITS }),
    );
    if (ok.status !== 'ok') throw new Error(JSON.stringify(ok));
    expect(ok.templates.map((t) => t.stackName)).toEqual(['TapStack']);
    expect(Object.values(ok.templates[0].template.Resources).map((r) => r.Type)).toContain('AWS::S3::Bucket');

    const broken = failedWith(
      await withDefaultToolchain(() =>
        synthesizeIsolated({
          language: 'python',
          files: [stack('        s3.Bucket(self, "Data", versioned=undefined_name)\n')],
          limits: PY_LIMITS,
        }),
      ),
      'synth',
    );
    expect(broken.message).toMatch(/NameError: name 'undefined_name' is not defined/);
    expect(broken.diagnostics[0]).toMatchObject({ file: 'lib/tap_stack.py', line: 6 });
  }, 300_000);
});

/** The default toolchain's python, if installed. */
function withDefaultToolchainPath(): string | undefined {
  return pythonToolchain({ ...process.env, INFRA_REVIEW_PYTHON: '' });
}
