import { afterAll, beforeAll } from 'vitest';
import { deleteStackQuietly, motoTarget } from '../aws/testing';
import type { AwsTarget } from '../aws/target';
import type { DbHandle } from '../db/connection';
import type { DeployDeps } from './service';

/**
 * For a describe block of deploy tests: a moto stack named `stackName` (deleted after the block), `deps()` that run
 * deploys on `db` against it with fast polling, and `settle()`, which waits for every background drive started so far.
 */
export function useDeployTarget(
  db: { readonly handle: DbHandle },
  endpoint: () => string | undefined,
  stackName: string,
): { target: () => AwsTarget; deps: () => DeployDeps; settle: () => Promise<void> } {
  let target: AwsTarget | undefined;
  const drives: Promise<void>[] = [];
  beforeAll(() => {
    target = motoTarget(endpoint() ?? 'http://127.0.0.1:1', stackName);
  });
  afterAll(() => (target ? deleteStackQuietly(target) : undefined));
  const current = () => {
    if (!target) throw new Error('the deploy target exists only inside the tests');
    return target;
  };
  return {
    target: current,
    deps: () => ({ handle: db.handle, target: current(), pollMs: 50, onDrive: (drive) => drives.push(drive) }),
    settle: async () => {
      while (drives.length > 0) await drives.shift();
    },
  };
}
