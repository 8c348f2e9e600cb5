/* Search and filters of a diff page's resource list, kept in the URL query so that a filtered view can be shared. */
import type { ResourceChange } from './types';

/** What a resource change does, as the filters name it: `replaced` is an update that replaces (or may replace) the resource. */
export const CHANGE_KINDS = ['added', 'removed', 'updated', 'replaced'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A diff page's filters; an empty filter (DIFF_FILTER_NONE) lets everything through. */
export interface DiffFilter {
  /** Case-insensitive text matched against logical IDs (both sides'), the type, and property paths (nested ones too). */
  query: string;
  /** Resource types to keep; empty keeps every type. */
  types: string[];
  /** Change kinds to keep; empty keeps every kind. */
  kinds: ChangeKind[];
  /** Keep only resources that have findings. */
  findingsOnly: boolean;
}

/** The filter that keeps every resource. */
export const DIFF_FILTER_NONE: DiffFilter = { query: '', types: [], kinds: [], findingsOnly: false };

/** URL query parameters as Next.js hands them to a page. */
export type QueryParams = Readonly<Record<string, string | string[] | undefined>>;

/** The filter a URL query states (`q`, `type` and `change` repeatable, `findings=1`); unknown change kinds are ignored. */
export function parseDiffFilter(params: QueryParams): DiffFilter {
  const all = (key: string) =>
    [params[key] ?? []].flat().flatMap((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    );
  return {
    query: [params.q ?? ''].flat()[0].trim(),
    types: [...new Set(all('type'))],
    kinds: CHANGE_KINDS.filter((kind) => all('change').includes(kind)),
    findingsOnly: all('findings').some((value) => value === '1' || value === 'true'),
  };
}

/** The URL query (without `?`) that parseDiffFilter reads back as `filter`; empty for DIFF_FILTER_NONE. */
export function diffFilterQuery(filter: DiffFilter): string {
  const params = new URLSearchParams();
  if (filter.query) params.set('q', filter.query);
  for (const type of filter.types) params.append('type', type);
  for (const kind of filter.kinds) params.append('change', kind);
  if (filter.findingsOnly) params.set('findings', '1');
  return params.toString();
}

/** Whether the filter narrows anything down. */
export function isFiltering(filter: DiffFilter): boolean {
  return Boolean(filter.query) || filter.types.length > 0 || filter.kinds.length > 0 || filter.findingsOnly;
}

/** The kind a resource change is filtered as: its change, `replaced` for an update whose impact replaces or may replace it. */
export function changeKindOf(change: ResourceChange): ChangeKind {
  return change.change === 'updated' && (change.impact === 'replace' || change.impact === 'may-replace') ? 'replaced' : change.change;
}

/** Whether a resource change passes the filter; `hasFindings` says whether any finding concerns it. */
export function matchesDiffFilter(change: ResourceChange, filter: DiffFilter, hasFindings: boolean): boolean {
  if (filter.types.length > 0 && !filter.types.includes(change.type)) return false;
  if (filter.kinds.length > 0 && !filter.kinds.includes(changeKindOf(change))) return false;
  if (filter.findingsOnly && !hasFindings) return false;
  return !filter.query || searchTexts(change).some((text) => text.toLowerCase().includes(filter.query.toLowerCase()));
}

/** The texts a search looks in: logical IDs, type, stack, and every property path (`Properties.X` and `Properties.X.Nested[0]`). */
function searchTexts(change: ResourceChange): string[] {
  const texts = [change.logicalId, change.type, change.modelLogicalId ?? '', change.stack ?? ''];
  for (const property of change.properties) {
    texts.push(property.path);
    for (const line of property.nested ?? []) texts.push(`${property.path}${line.path.startsWith('[') ? '' : '.'}${line.path}`);
  }
  return texts;
}

/** Every resource type in the changes with how many changes it has, by type name. */
export function countTypes(changes: readonly ResourceChange[]): { type: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const change of changes) counts.set(change.type, (counts.get(change.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}
