import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countingServer, failedWith } from './test-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesizeIsolated } from './index';
import { pythonToolchain, synthesizePython } from './python';
import { networkNamespaceAvailable, prlimitAvailable } from './sandbox';
import { DEFAULT_LIMITS } from './types';

/* Python answers run by a real python3 in the same containment (no CDK needed to show containment);
   a real CDK synthesis runs only where INFRA_REVIEW_PYTHON names a toolchain with aws-cdk-lib. */
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

describe.skipIf(!pythonToolchain() || !canContain)('synthesizeIsolated: a Python CDK answer (INFRA_REVIEW_PYTHON)', () => {
  it('synthesizes a queue', async () => {
    const text =
      'import aws_cdk as cdk\nfrom aws_cdk import aws_sqs as sqs\napp = cdk.App()\nstack = cdk.Stack(app, "PyStack")\nsqs.Queue(stack, "Jobs")\napp.synth()\n';
    const result = await synthesizeIsolated({ language: 'python', files: [{ path: 'app.py', text }], limits: { timeoutMs: 240_000 } });
    if (result.status !== 'ok') throw new Error(JSON.stringify(result));
    expect(result.templates[0].stackName).toBe('PyStack');
    expect(Object.values(result.templates[0].template.Resources).map((r) => r.Type)).toEqual(['AWS::SQS::Queue']);
  }, 300_000);
});
