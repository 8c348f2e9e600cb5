/*
 * npm run bench:load — 50 simulated reviewers on one audit session for a minute against the built app
 * (`npm run build` first). Each reviewer holds a live event stream and sets verdicts; the script measures
 * the time from sending a verdict to its arrival at every other reviewer, and counts errors and lost events.
 * Env: LOAD_CLIENTS (50), LOAD_SECONDS (60), LOAD_INTERVAL_MS (2000 per client), LOAD_INSTANCES (1; with
 * DATABASE_URL set, clients are spread over that many app instances sharing the PostgreSQL database).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAuth } from '../lib/auth/auth';
import { authConfigFromEnv } from '../lib/auth/config';
import { createToken } from '../lib/auth/tokens';
import { createUser } from '../lib/auth/users';
import { openDb } from '../lib/db/connection';
import { dbConfigFromEnv } from '../lib/db/config';
import { ensureMigrated } from '../lib/db/migrate';
import { percentile, readEvents } from './sse-client.mts';

const root = path.resolve(import.meta.dirname, '..');
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const INTERVAL_MS = Number(process.env.LOAD_INTERVAL_MS ?? 2000);
const INSTANCES = Math.max(1, Number(process.env.LOAD_INSTANCES ?? 1));
const BASE_PORT = Number(process.env.LOAD_PORT ?? 3400);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'infra-review-load-'));
const env = { ...process.env, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1', BETTER_AUTH_URL: `http://127.0.0.1:${BASE_PORT}` };

const servers: ChildProcess[] = [];

/** Starts one `next start` instance (kept in `servers`, so it is stopped even if start-up fails) and waits for its health check. */
async function startInstance(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  servers.push(child);
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`instance on ${port} did not start`);
}

const handle = openDb(dbConfigFromEnv(env));
try {
  await Promise.all(Array.from({ length: INSTANCES }, (_, i) => startInstance(BASE_PORT + i)));
  await ensureMigrated(handle);
  const auth = await openAuth(handle, authConfigFromEnv(env));
  const reviewers = [];
  for (let i = 0; i < CLIENTS; i++) {
    const user = await createUser(auth, {
      email: `load-${i}@test.invalid`,
      name: `Reviewer ${i}`,
      password: `load-password-${i}-${Date.now()}`,
      role: 'reviewer',
    });
    const { token } = await createToken(auth, { userId: user.id, name: 'load' });
    reviewers.push({ i, token, base: `http://127.0.0.1:${BASE_PORT + (i % INSTANCES)}` });
  }
  const headers = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  const created = await fetch(`${reviewers[0].base}/api/reviews/bundled/sessions`, {
    method: 'POST',
    headers: headers(reviewers[0].token),
    body: JSON.stringify({ name: 'load test' }),
  });
  if (created.status !== 201) throw new Error(`creating the session failed: ${created.status} ${await created.text()}`);
  const { session } = await created.json();
  const view = await (await fetch(`${reviewers[0].base}/api/sessions/${session.id}`, { headers: headers(reviewers[0].token) })).json();
  const keys: string[] = view.findings.filter((f: { side: string }) => f.side === 'model').map((f: { key: string }) => f.key);

  const sent = new Map<string, { at: number; from: number }>();
  const arrivals = new Map<string, Map<number, number>>();
  const streams = reviewers.map((r) =>
    readEvents(`${r.base}/api/sessions/${session.id}/events`, headers(r.token), (type, data) => {
      const reason = (data as { data?: { reason?: string } }).data?.reason;
      if (type !== 'verdict' || !reason?.startsWith('load:')) return;
      if (!arrivals.has(reason)) arrivals.set(reason, new Map());
      arrivals.get(reason)!.set(r.i, performance.now());
    }),
  );
  await Promise.all(streams.map((s) => s.open));
  let errors = 0;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    reviewers.map(async (r) => {
      await new Promise((res) => setTimeout(res, Math.random() * INTERVAL_MS));
      for (let seq = 0; performance.now() < deadline; seq++) {
        const reason = `load:${r.i}:${seq}`;
        const key = keys[Math.floor(Math.random() * keys.length)];
        const verdict = ['confirmed', 'false_positive', 'accepted_risk', 'needs_discussion'][seq % 4];
        sent.set(reason, { at: performance.now(), from: r.i });
        const res = await fetch(`${r.base}/api/sessions/${session.id}/findings/${key}/verdict`, {
          method: 'PUT',
          headers: headers(r.token),
          body: JSON.stringify({ verdict, reason }),
        }).catch(() => null);
        if (!res || res.status !== 200) {
          errors++;
          sent.delete(reason);
        }
        await res?.arrayBuffer().catch(() => undefined);
        await new Promise((res2) => setTimeout(res2, INTERVAL_MS * (0.5 + Math.random())));
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 3000));
  for (const s of streams) s.close();

  const latencies: number[] = [];
  let lost = 0;
  for (const [reason, { at, from }] of sent) {
    const got = arrivals.get(reason) ?? new Map<number, number>();
    for (const r of reviewers) {
      if (r.i === from) continue;
      const arrived = got.get(r.i);
      if (arrived === undefined) lost++;
      else latencies.push(arrived - at);
    }
  }
  console.log(`load: ${CLIENTS} reviewers, ${SECONDS} s, ${INSTANCES} instance(s), ${handle.dialect}`);
  console.log(`verdicts sent: ${sent.size}, deliveries measured: ${latencies.length}, errors: ${errors}, lost: ${lost}`);
  console.log(
    `verdict → other clients latency: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
  );
  const ok = errors === 0 && lost === 0 && percentile(latencies, 95) < 200;
  console.log(`goal (no errors, no lost verdicts, p95 < 200 ms): ${ok ? 'met' : 'MISSED'}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await handle.close();
  for (const s of servers) s.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
