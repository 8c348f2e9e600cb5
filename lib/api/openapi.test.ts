import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';

/** API paths of the route handlers under app/api, written the OpenAPI way (`[id]` → `{id}`). */
function routePaths(dir = path.join(process.cwd(), 'app/api'), prefix = '/api'): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === 'route.ts') out.push(prefix);
    if (entry.isDirectory()) out.push(...routePaths(path.join(dir, entry.name), `${prefix}/${entry.name.replace(/^\[(.+)\]$/, '{$1}')}`));
  }
  return out;
}

describe('the OpenAPI document', () => {
  it('documents every API route and nothing else', () => {
    const routes = routePaths();
    // A catch-all route (`[...all]`) is documented by the concrete paths it serves.
    const catchAlls = routes.filter((route) => route.endsWith('{...all}')).map((route) => route.slice(0, -'{...all}'.length));
    const documented = Object.keys(openApiDocument().paths).map((p) => {
      const prefix = catchAlls.find((c) => p.startsWith(c));
      return prefix ? `${prefix}{...all}` : p;
    });
    expect([...new Set(documented)].sort()).toEqual(routes.sort());
  });

  it('resolves every $ref to a schema it defines', () => {
    const doc = openApiDocument();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
  });

  it('lists the finding categories and severities the engine uses', () => {
    const finding = openApiDocument().components.schemas.Finding.properties;
    expect(finding.category.enum).toEqual(['syntax', 'deployment', 'security', 'performance', 'observability']);
    expect(finding.severity.enum).toEqual(['error', 'warning', 'info']);
  });
});
