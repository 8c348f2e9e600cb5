import { describe, expect, it } from 'vitest';
import { ROLES, hasRole } from './roles';

describe('roles', () => {
  it('orders viewer < reviewer < deployer < admin', () => {
    expect(ROLES).toEqual(['viewer', 'reviewer', 'deployer', 'admin']);
    for (const [i, held] of ROLES.entries()) {
      for (const [j, needed] of ROLES.entries()) expect(hasRole({ role: held }, needed), `${held} ≥ ${needed}`).toBe(i >= j);
    }
  });

  it('grants nothing to anonymous users or unknown roles', () => {
    expect(hasRole(null, 'viewer')).toBe(false);
    expect(hasRole({ role: 'root' }, 'viewer')).toBe(false);
    expect(hasRole({}, 'viewer')).toBe(false);
  });
});
