/* Helpers shared by the isolated-synthesis tests. */
import { createServer } from 'node:net';
import { expect } from 'vitest';
import type { IsolatedSynthResult } from './types';

/** The result narrowed to a failure at `stage`; throws (failing the test) with the result otherwise. */
export function failedWith(result: IsolatedSynthResult, stage: string) {
  if (result.status !== 'failed') throw new Error(`expected a ${stage} failure, got ${JSON.stringify(result).slice(0, 500)}`);
  expect(result.stage).toBe(stage);
  return result;
}

/** A TCP server on 127.0.0.1 that counts the connections it accepts (and closes them). */
export async function countingServer() {
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
