import { ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { describe, expect, it } from 'vitest';
import { changedImpact, IMPACT_BY_RESOURCE_IMPACT, IMPACT_RANK, isDestructive, toImpact, toPropertyImpact, worstImpact } from './impact';
import { DESTRUCTIVE_IMPACTS } from './types';

describe('impact mapping', () => {
  it('maps every library impact to exactly the word in the table', () => {
    expect(Object.values(ResourceImpact).map(toImpact)).toEqual(Object.values(ResourceImpact).map((i) => IMPACT_BY_RESOURCE_IMPACT[i]));
    expect(IMPACT_BY_RESOURCE_IMPACT).toEqual({
      WILL_CREATE: 'create',
      WILL_UPDATE: 'update',
      MAY_REPLACE: 'may-replace',
      WILL_REPLACE: 'replace',
      WILL_DESTROY: 'destroy',
      WILL_ORPHAN: 'orphan',
      WILL_IMPORT: 'import',
      NO_CHANGE: 'none',
    });
  });

  it('treats exactly replace, may-replace, destroy and orphan as destructive', () => {
    const destructive = Object.keys(IMPACT_RANK).filter((i) => isDestructive(i as never));
    expect(destructive.sort()).toEqual([...DESTRUCTIVE_IMPACTS].sort());
  });

  it('never reports a changed resource or property as having no impact', () => {
    expect(changedImpact(ResourceImpact.NO_CHANGE)).toBe('update');
    expect(toPropertyImpact(ResourceImpact.NO_CHANGE)).toBe('update');
    expect(toPropertyImpact(ResourceImpact.MAY_REPLACE)).toBe('may-replace');
    expect(toImpact('SOMETHING_NEW' as ResourceImpact)).toBe('update');
  });

  it('ranks impacts like the library, destroy worst', () => {
    expect(worstImpact([])).toBe('none');
    expect(worstImpact(['update', 'create', 'orphan'])).toBe('orphan');
    expect(worstImpact(['replace', 'destroy', 'may-replace'])).toBe('destroy');
  });
});
