import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { CfnTemplate } from '../../templates/types';
import type { SynthesizedStack } from './types';

const MAX_FILE_BYTES = 16 * 1024 * 1024;
const MAX_STACKS = 200;

/** What a cloud assembly written by an untrusted process holds: its stacks, or why it cannot be read. */
export type AssemblyRead = { ok: true; stacks: SynthesizedStack[] } | { ok: false; message: string };

/**
 * Reads the stacks of a cloud assembly (`manifest.json`, nested stage assemblies included) that an untrusted
 * process wrote. Only regular files inside `dir` are read: symbolic links, hard links and paths leaving the
 * directory are refused; each file is capped at 16 MB and the assembly at 200 stacks. Never throws.
 */
export function readAssembly(dir: string, root = dir, depth = 0): AssemblyRead {
  try {
    const manifest = readJson(dir, 'manifest.json', root) as { artifacts?: Record<string, Artifact> };
    const stacks: SynthesizedStack[] = [];
    for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
      if (artifact.type === 'aws:cloudformation:stack' && typeof artifact.properties?.templateFile === 'string') {
        const template = readJson(dir, artifact.properties.templateFile, root) as Partial<CfnTemplate>;
        if (!template || typeof template !== 'object' || Array.isArray(template))
          throw new Error(`${artifact.properties.templateFile} is not a template object.`);
        stacks.push({
          stackName: String(artifact.properties.stackName ?? id),
          template: { ...template, Resources: template.Resources ?? {} },
        });
      } else if (artifact.type === 'cdk:cloud-assembly' && typeof artifact.properties?.directoryName === 'string' && depth < 3) {
        const nested = readAssembly(inside(dir, artifact.properties.directoryName, root), root, depth + 1);
        if (!nested.ok) return nested;
        stacks.push(...nested.stacks);
      }
    }
    if (stacks.length > MAX_STACKS) throw new Error(`it holds ${stacks.length} stacks, more than ${MAX_STACKS}.`);
    return { ok: true, stacks };
  } catch (error) {
    return { ok: false, message: `The cloud assembly cannot be read: ${(error as Error).message}` };
  }
}

interface Artifact {
  type?: string;
  properties?: { templateFile?: unknown; stackName?: unknown; directoryName?: unknown };
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
