import { listening, RECONNECTED_CHANNEL, subscribe } from '../db/notify';
import { deployChannel, stackKeyOf, type DeployMessage } from './records';
import { deployContext, getDeploy, listDeploys, type DeployDeps } from './service';

const HEARTBEAT_MS = 15_000;

/**
 * The target's deploy activity as Server-Sent Events until `signal` aborts: `ready` with the deploy in flight, then
 * `deploy` (the full deploy, on every step), `stack-events` (new CloudFormation events while one executes), `resync`
 * after a lost LISTEN connection, and `: ping` comments. Events come from whichever instance drives the deploy.
 */
export async function openDeployEvents({ signal }: { signal: AbortSignal }, deps: DeployDeps = {}): Promise<ReadableStream<Uint8Array>> {
  const ctx = deployContext(deps);
  const encoder = new TextEncoder();
  const cleanups: Array<() => void> = [];
  const close = () => {
    while (cleanups.length > 0) cleanups.pop()?.();
  };
  return new ReadableStream<Uint8Array>({
    start: async (controller) => {
      const send = (event: string, data: unknown) => {
        try {
          controller.enqueue(encoder.encode(event ? `event: ${event}\ndata: ${JSON.stringify(data)}\n\n` : `: ping\n\n`));
        } catch {
          close();
        }
      };
      // Updates are relayed in arrival order: each deploy message waits for the previous one's lookup.
      let queue = Promise.resolve();
      const relay = (payload: unknown) => {
        const message = payload as DeployMessage;
        queue = queue.then(async () => {
          if (message.type === 'stack-events') send('stack-events', { deployId: message.deployId, events: message.events });
          else send('deploy', await getDeploy({ id: message.deployId }, deps).catch(() => null));
        });
      };
      cleanups.push(
        subscribe(deployChannel(stackKeyOf(ctx.target)), relay, ctx.handle),
        subscribe(RECONNECTED_CHANNEL, () => send('resync', {}), ctx.handle),
      );
      const heartbeat = setInterval(() => send('', null), HEARTBEAT_MS);
      cleanups.push(() => clearInterval(heartbeat));
      signal.addEventListener(
        'abort',
        () => {
          close();
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        },
        { once: true },
      );
      await listening(ctx.handle);
      send('ready', { active: (await listDeploys({ limit: 1 }, deps)).active });
    },
    cancel: close,
  });
}
