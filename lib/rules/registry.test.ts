import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, type RuleId } from './catalog';
import { RULES } from './index';
import { CATEGORIES, type Rule } from './types';

// The registry checks itself: where a rule lives, what the catalog says about it and what the README lists agree.
const RULES_DIR = import.meta.dirname;
const README = path.resolve(RULES_DIR, '../../README.md');

/** Every rule file: `<category>/<rule-id>.ts`, tests aside. */
function ruleFiles(): { folder: string; name: string; file: string }[] {
  return CATEGORIES.flatMap((folder) =>
    readdirSync(path.join(RULES_DIR, folder))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => ({ folder, name: file.replace(/\.ts$/, ''), file: path.join(RULES_DIR, folder, file) })),
  );
}

/** The README's rule table (section "## Rules"): rule id and category of each row naming one rule. */
function readmeRuleTable(text: string): Record<string, string> {
  const section = text.split(/^## /m).find((part) => part.startsWith('Rules\n'));
  if (!section) throw new Error('README.md has no "## Rules" section');
  const rows = [...section.matchAll(/^\| `([^`]+)` \| ([^|]+?) \|/gm)];
  // `cfn-validate/<id>` stands for the validator's diagnostics, not one catalog rule.
  return Object.fromEntries(rows.filter(([, id]) => !id.includes('<')).map(([, id, category]) => [id, category.trim()]));
}

describe('the rule registry', () => {
  it('keeps each rule in the folder of its catalog category, in a file named by its id', async () => {
    const files = ruleFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const { folder, name, file } of files) {
      const { rule } = (await import(file)) as { rule: Rule };
      expect(rule.id, file).toBe(name);
      expect(CATALOG[rule.id as RuleId]?.category, file).toBe(folder);
    }
  });

  it('runs every rule file, and runs nothing that has no file', () => {
    expect(RULES.map((rule) => `${CATALOG[rule.id].category}/${rule.id}`).sort()).toEqual(
      ruleFiles()
        .map(({ folder, name }) => `${folder}/${name}`)
        .sort(),
    );
  });

  it("lists every catalog rule in README.md's rule table with its category, and no other", () => {
    const table = readmeRuleTable(readFileSync(README, 'utf8'));
    const catalog = Object.fromEntries(Object.entries(CATALOG).map(([id, entry]) => [id, entry.category]));
    expect(table).toEqual(catalog);
  });

  it('reads a rule table that disagrees with the catalog as such', () => {
    const text = '# x\n\n## Rules\n\n| rule | category | fails when |\n|---|---|---|\n| `api-caching` | security | x |\n\n## Next\n';
    expect(readmeRuleTable(text)).toEqual({ 'api-caching': 'security' });
    expect(readmeRuleTable(text)['api-caching']).not.toBe(CATALOG['api-caching'].category);
  });
});
