// Next.js dev reloads re-evaluate modules while the process (and its open connections) lives on; state tied to
// those connections must survive, or a reloaded module would open a second pool or LISTEN client.

const store = globalThis as typeof globalThis & { __infraReviewDbState?: Map<string, unknown> };

/** A value created once per process under `key`, shared by every evaluation of the calling module. */
export function processGlobal<T>(key: string, create: () => T): T {
  store.__infraReviewDbState ??= new Map();
  if (!store.__infraReviewDbState.has(key)) store.__infraReviewDbState.set(key, create());
  return store.__infraReviewDbState.get(key) as T;
}
