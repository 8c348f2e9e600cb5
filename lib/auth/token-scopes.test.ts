import { describe, expect, it } from 'vitest';
import { grantableScopes, roleWithin, scopeOfPermissions, scopePermissions } from './token-scopes';

describe('token scopes', () => {
  it('act with the lesser of the owner’s role and the scope', () => {
    expect(roleWithin('admin', 'read')).toBe('viewer');
    expect(roleWithin('deployer', 'review')).toBe('reviewer');
    expect(roleWithin('reviewer', 'deploy')).toBe('reviewer');
    expect(roleWithin('viewer', 'admin')).toBe('viewer');
  });

  it('offer a caller only scopes within their own role', () => {
    expect(grantableScopes('viewer')).toEqual(['read']);
    expect(grantableScopes('deployer')).toEqual(['read', 'review', 'deploy']);
    expect(grantableScopes('admin')).toEqual(['read', 'review', 'deploy', 'admin']);
  });

  it('read back what was stored; tokens from before scopes keep their owner’s rights, unknown scopes get read', () => {
    expect(scopeOfPermissions(scopePermissions('deploy'))).toBe('deploy');
    expect(scopeOfPermissions(JSON.stringify(scopePermissions('review')))).toBe('review');
    expect(scopeOfPermissions(null)).toBe('admin');
    expect(scopeOfPermissions({ scope: ['root'] })).toBe('read');
    expect(scopeOfPermissions('not json')).toBe('read');
  });
});
