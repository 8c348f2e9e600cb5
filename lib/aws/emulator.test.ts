import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { describeEmulator } from './emulator';
import { ensureMoto, motoTarget } from './testing';

let moto: string | undefined;
let other: Server;
let otherUrl: string;

beforeAll(async () => {
  // Not moto: plain moto's 404 page, a JSON answer of another shape, and a request that never gets an answer.
  other = createServer((request, response) => {
    if (request.url === '/json/infra-review/emulated-types') response.end(JSON.stringify({ recordedOnly: 'everything' }));
    else if (request.url === '/silent/infra-review/emulated-types') return;
    else response.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not Found</h1>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;

  const ensured = await ensureMoto();
  if ('error' in ensured) {
    if (process.env.CI) throw new Error(`moto must run in CI: ${ensured.error}`);
    console.warn(`Skipping the launcher cases: moto could not be installed or started (${ensured.error})`);
    return;
  }
  moto = ensured.endpoint;
});

afterAll(async () => {
  other.closeAllConnections();
  await new Promise((resolve) => other.close(resolve));
});

/** Skips a test when moto is not available (outside CI only: beforeAll throws in CI). */
function needsMoto(ctx: TestContext): string {
  if (!moto) ctx.skip();
  return moto!;
}

describe('describeEmulator', () => {
  it('returns null for a target without an endpoint (AWS itself)', async () => {
    expect(await describeEmulator({ region: 'us-east-1', stackName: 'Anything' })).toBeNull();
  });

  it('describes the moto launcher: record-only types, the Lambda alias with a backend, completed behaviours', async (ctx) => {
    const info = await describeEmulator(motoTarget(needsMoto(ctx), 'Anything'));
    if (info?.kind !== 'moto') throw new Error(`expected moto, got ${JSON.stringify(info)}`);
    expect(info.recordedOnly).toHaveLength(7);
    expect(info.recordedOnly).toContain('AWS::CloudFront::Distribution');
    expect(info.addedWithBackend).toEqual(['AWS::Lambda::Alias']);
    expect(info.completed.some((behaviour) => behaviour.startsWith('AWS::Lambda::Version'))).toBe(true);
  });

  it('accepts an endpoint written with a trailing slash', async (ctx) => {
    expect((await describeEmulator(motoTarget(`${needsMoto(ctx)}/`, 'Anything')))?.kind).toBe('moto');
  });

  it('says unknown-endpoint when the endpoint answers 404, as a plain moto server does', async () => {
    expect(await describeEmulator(motoTarget(otherUrl, 'Anything'))).toEqual({ kind: 'unknown-endpoint' });
  });

  it('says unknown-endpoint when the endpoint answers JSON of another shape', async () => {
    expect(await describeEmulator(motoTarget(`${otherUrl}/json`, 'Anything'))).toEqual({ kind: 'unknown-endpoint' });
  });

  it('says unknown-endpoint when nothing listens on the endpoint', async () => {
    expect(await describeEmulator(motoTarget('http://127.0.0.1:9', 'Anything'))).toEqual({ kind: 'unknown-endpoint' });
  });

  it('gives up after 2 s on an endpoint that never answers', async () => {
    const started = Date.now();
    expect(await describeEmulator(motoTarget(`${otherUrl}/silent`, 'Anything'))).toEqual({ kind: 'unknown-endpoint' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
