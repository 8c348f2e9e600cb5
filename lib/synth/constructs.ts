/* The constructs of a synthesized stack's resources, from the cloud assembly's metadata entries. */
import type { ConstructRecord } from '../templates/types';
import { frameInside } from './isolated/workspace';

/** One metadata entry of a stack artifact, under the construct path it was recorded on. */
export interface MetadataEntry {
  path: string;
  type?: unknown;
  data?: unknown;
}

/**
 * Each resource's construct by logical ID: the path of its `aws:cdk:logicalId` entry (without the leading `/`), limited
 * to `resources`, and the answer's line that created it when `frameOf` finds one in the `aws:cdk:creationStack` recorded
 * on the same path (CDK records it on each CloudFormation element unless stack traces are disabled).
 */
export function constructRecords(
  entries: readonly MetadataEntry[],
  resources: Readonly<Record<string, unknown>>,
  frameOf: (trace: string) => { file: string; line: number } | undefined,
): Record<string, ConstructRecord> {
  const traces = new Map<string, string>();
  for (const { path, type, data } of entries)
    if (type === 'aws:cdk:creationStack' && Array.isArray(data)) traces.set(path, data.filter((f) => typeof f === 'string').join('\n'));
  const records: Record<string, ConstructRecord> = {};
  for (const { path, type, data } of entries) {
    if (type !== 'aws:cdk:logicalId' || typeof data !== 'string' || !Object.hasOwn(resources, data)) continue;
    const trace = traces.get(path);
    const frame = trace ? frameOf(trace) : undefined;
    records[data] = { path: path.replace(/^\//, ''), ...(frame ? { createdAt: { file: frame.file, line: frame.line } } : {}) };
  }
  return records;
}

/** The metadata entries of an artifact's `metadata` map (construct path → entries), as a flat list. */
export function metadataEntries(metadata: unknown): MetadataEntry[] {
  if (!metadata || typeof metadata !== 'object') return [];
  return Object.entries(metadata as Record<string, unknown>).flatMap(([path, entries]) =>
    Array.isArray(entries)
      ? entries.map((entry: { type?: unknown; data?: unknown }) => ({ path, type: entry?.type, data: entry?.data }))
      : [],
  );
}

/** The frame of a creation stack that created the construct: the first inside `root`, outside node_modules and `skip` (file names relative to `root`). */
export function creationFrame(trace: string, root: string, skip: readonly string[] = []): { file: string; line: number } | undefined {
  const own = trace
    .split('\n')
    .filter((frame) => !frame.includes('/node_modules/'))
    .join('\n');
  return frameInside(own, root, skip);
}
