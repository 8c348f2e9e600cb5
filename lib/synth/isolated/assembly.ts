import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { CfnTemplate } from '../../templates/types';
import { constructRecords, creationFrame, metadataEntries } from '../constructs';
import { GENERATED_ENTRY } from './entry';
import type { SynthesizedStack } from './types';

const MAX_FILE_BYTES = 16 * 1024 * 1024;
const MAX_STACKS = 200;
const MAX_NESTING = 5;

/** What a cloud assembly written by an untrusted process holds: its stacks, or why it cannot be read. */
export type AssemblyRead = { ok: true; stacks: SynthesizedStack[] } | { ok: false; message: string };

/**
 * Reads the stacks of a cloud assembly (`manifest.json`, nested stage assemblies included) that an untrusted
 * process wrote, each followed by its nested stacks (their `*.nested.template.json` files, named
 * `<parent>/<construct id>`, with `parent` set). Only regular files inside `dir` are read: symbolic links, hard links
 * and paths leaving the directory are refused; each file is capped at 16 MB and the assembly at 200 stacks. Each stack
 * carries its resources' constructs (withConstructs; creation lines inside `src`, the answer's root). Never throws.
 */
export function readAssembly(dir: string, root = dir, depth = 0, src?: string): AssemblyRead {
  try {
    const manifest = readJson(dir, 'manifest.json', root) as { artifacts?: Record<string, Artifact> };
    const artifacts = Object.entries(manifest.artifacts ?? {});
    const assetFiles = assetFilesOf(dir, root, artifacts);
    const stacks: SynthesizedStack[] = [];
    for (const [id, artifact] of artifacts) {
      if (artifact.type === 'aws:cloudformation:stack' && typeof artifact.properties?.templateFile === 'string') {
        const stack = {
          stackName: String(artifact.properties.stackName ?? id),
          template: readTemplate(dir, artifact.properties.templateFile, root),
        };
        const group = [stack, ...nestedStacksOf(stack, { dir, root, assetFiles }, 0)];
        stacks.push(...withConstructs(group, artifact, id, (name) => readJson(dir, name, root), src));
      } else if (artifact.type === 'cdk:cloud-assembly' && typeof artifact.properties?.directoryName === 'string' && depth < 3) {
        const nested = readAssembly(inside(dir, artifact.properties.directoryName, root), root, depth + 1, src);
        if (!nested.ok) return nested;
        stacks.push(...nested.stacks);
      }
      if (stacks.length > MAX_STACKS) throw new Error(`it holds more than ${MAX_STACKS} stacks.`);
    }
    return { ok: true, stacks };
  } catch (error) {
    return { ok: false, message: `The cloud assembly cannot be read: ${(error as Error).message}` };
  }
}

interface Artifact {
  type?: string;
  displayName?: unknown;
  properties?: { templateFile?: unknown; stackName?: unknown; directoryName?: unknown; file?: unknown };
  metadata?: unknown;
  additionalMetadataFile?: unknown;
}

/**
 * A stack and its nested stacks with each resource's construct (lib/synth/constructs), read from the stack artifact's
 * metadata (in the manifest, or the `additionalMetadataFile` newer CDK versions write): an entry belongs to the stack of
 * the longest construct path it lies under (`/<displayName>`, then `/<displayName>/<nested construct id>`...). A
 * creation stack frame inside `src` (the answer's root) gives the line that created the construct.
 */
function withConstructs(
  group: SynthesizedStack[],
  artifact: Artifact,
  id: string,
  read: (name: string) => unknown,
  src?: string,
): SynthesizedStack[] {
  const [top] = group;
  const displayName = String(artifact.displayName ?? id);
  const prefixOf = (stack: SynthesizedStack) => `/${displayName}${stack.stackName.slice(top.stackName.length)}/`;
  const extra = typeof artifact.additionalMetadataFile === 'string' ? read(artifact.additionalMetadataFile) : undefined;
  const entries = [...metadataEntries(artifact.metadata), ...metadataEntries(extra)];
  const frameOf = (trace: string) => (src ? creationFrame(trace, src, [GENERATED_ENTRY]) : undefined);
  return group.map((stack) => {
    const own = entries.filter(
      (e) => group.filter((s) => e.path.startsWith(prefixOf(s))).sort((a, b) => b.stackName.length - a.stackName.length)[0] === stack,
    );
    const constructs = constructRecords(own, stack.template.Resources, frameOf);
    return Object.keys(constructs).length > 0 ? { ...stack, constructs } : stack;
  });
}

interface Place {
  dir: string;
  root: string;
  /** File of each asset in the assembly, by the object key it is published under (`<hash>.json`). */
  assetFiles: Map<string, string>;
}

/**
 * The nested stacks of a stack, depth first: each `AWS::CloudFormation::Stack` resource whose template is a file of
 * the assembly, found by its `aws:asset:path` metadata or by the asset object key at the end of its `TemplateURL`.
 */
function nestedStacksOf(parent: SynthesizedStack, place: Place, depth: number): SynthesizedStack[] {
  if (depth >= MAX_NESTING) return [];
  const stacks: SynthesizedStack[] = [];
  for (const [logicalId, resource] of Object.entries(parent.template.Resources)) {
    if (resource?.Type !== 'AWS::CloudFormation::Stack') continue;
    const file = nestedTemplateFile(resource, place.assetFiles);
    if (!file) continue;
    const stack = {
      stackName: `${parent.stackName}/${constructIdOf(logicalId)}`,
      parent: parent.stackName,
      template: readTemplate(place.dir, file, place.root),
    };
    stacks.push(stack, ...nestedStacksOf(stack, place, depth + 1));
    if (stacks.length > MAX_STACKS) throw new Error(`it holds more than ${MAX_STACKS} stacks.`);
  }
  return stacks;
}

/** The assembly file holding a nested stack resource's template, when it names one. */
function nestedTemplateFile(resource: { Metadata?: unknown; Properties?: unknown }, assetFiles: Map<string, string>): string | undefined {
  const assetPath = (resource.Metadata as Record<string, unknown> | undefined)?.['aws:asset:path'];
  if (typeof assetPath === 'string' && assetPath.endsWith('.json')) return assetPath;
  const url = (resource.Properties as Record<string, unknown> | undefined)?.TemplateURL;
  for (const text of stringsIn(url)) {
    const key = /([^/]+\.json)$/.exec(text)?.[1];
    if (key && assetFiles.has(key)) return assetFiles.get(key);
  }
  return undefined;
}

/** CDK names a nested stack's resource `<id>NestedStack<id>NestedStackResource<hash>`; its construct id reads better. */
function constructIdOf(logicalId: string): string {
  return /^(.+)NestedStack\1NestedStackResource[0-9A-F]{8}$/.exec(logicalId)?.[1] ?? logicalId;
}

/** Files of the assembly's asset manifests by the object key they are published under. */
function assetFilesOf(dir: string, root: string, artifacts: [string, Artifact][]): Map<string, string> {
  const files = new Map<string, string>();
  for (const [, artifact] of artifacts) {
    if (artifact.type !== 'cdk:asset-manifest' || typeof artifact.properties?.file !== 'string') continue;
    const manifest = readJson(dir, artifact.properties.file, root) as { files?: Record<string, AssetEntry> };
    for (const entry of Object.values(manifest.files ?? {})) {
      const source = entry?.source?.path;
      if (typeof source !== 'string') continue;
      for (const destination of Object.values(entry.destinations ?? {}))
        if (typeof destination?.objectKey === 'string') files.set(destination.objectKey, source);
    }
  }
  return files;
}

interface AssetEntry {
  source?: { path?: unknown };
  destinations?: Record<string, { objectKey?: unknown } | undefined>;
}

/** Every string inside a JSON value (e.g. the parts of an `Fn::Join`). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** A template file of the assembly, with `Resources` always present. */
function readTemplate(dir: string, name: string, root: string): CfnTemplate {
  const template = readJson(dir, name, root) as Partial<CfnTemplate>;
  if (!template || typeof template !== 'object' || Array.isArray(template)) throw new Error(`${name} is not a template object.`);
  return { ...template, Resources: template.Resources ?? {} } as CfnTemplate;
}
/** Parses a regular, singly linked file of at most MAX_FILE_BYTES inside `dir`. */
function readJson(dir: string, name: string, root: string): unknown {
  const file = inside(dir, name, root);
  const stat = lstatSync(file);
  if (!stat.isFile() || stat.nlink !== 1) throw new Error(`${name} is not a regular file.`);
  if (stat.size > MAX_FILE_BYTES) throw new Error(`${name} is larger than ${MAX_FILE_BYTES} bytes.`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** `dir/name`, refusing a name that leaves `dir` and a directory that (through links) is not under `root`. */
function inside(dir: string, name: string, root: string): string {
  const file = path.resolve(dir, name);
  const realRoot = realpathSync(root);
  const realDir = realpathSync(path.dirname(file));
  if (!file.startsWith(path.resolve(dir) + path.sep) || (realDir !== realRoot && !realDir.startsWith(realRoot + path.sep))) {
    throw new Error(`${name} is outside the assembly.`);
  }
  return file;
}
