import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A second server of the same build on a database of its own, for specs whose data must not meet the shared one's. */
export interface OwnServer {
  origin: string;
  dataDir: string;
  stop: () => void;
}

/**
 * Serves the build (server.mjs) on `port` with an empty `DATA_DIR` (wiped first) and the given extra environment;
 * resolves once `/api/health` answers, within 60 s.
 */
export async function startOwnServer({
  port,
  dataDir,
  env = {},
}: {
  port: number;
  dataDir: string;
  env?: Record<string, string>;
}): Promise<OwnServer> {
  const origin = `http://127.0.0.1:${port}`;
  fs.rmSync(dataDir, { recursive: true, force: true });
  const child: ChildProcess = spawn(process.execPath, [path.resolve('server.mjs'), '-p', String(port)], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: 'ignore',
  });
  const stop = () => {
    child.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 120; attempt++) {
    const healthy = await fetch(`${origin}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { origin, dataDir, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error(`the server on ${origin} did not answer /api/health within 60 s`);
}
