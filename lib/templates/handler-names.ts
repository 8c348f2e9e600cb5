/* Names for Lambda handler blocks: the file the app's `Code.fromAsset` and `handler:` point at. */
import path from 'node:path';
import { EXTENSION, type HandlerRef, type Naming } from './code-facts';

/** Names handler blocks by the handlers the named code points at, in order; a handler nothing points at becomes `lambda/index.<ext>`. */
export function nameHandlers(state: Naming): void {
  const used = new Set<string>(state.names.filter((n): n is string => !!n));
  const refs = state.facts.flatMap((f, j) =>
    state.names[j] && state.blocks[j].section !== 'reasoning' ? f.refs.map((r) => ({ r, from: state.names[j]! })) : [],
  );
  state.facts.forEach((f, i) => {
    const ext = EXTENSION[f.language];
    // Code that builds CDK constructs is not a handler, even with `def handler(event, context)` in an inline string.
    if (state.names[i] || !ext || f.handlers.length === 0 || f.stacks.length > 0 || f.app || f.refs.length > 0) return;
    if (/aws[-_]cdk|\bCode\.from/.test(state.blocks[i].text)) return;
    const same = state.blocks.findIndex((b, j) => j < i && state.names[j] && b.text.trim() === state.blocks[i].text.trim());
    if (same >= 0) {
      [state.names[i], state.why[i]] = [state.names[same]!, state.why[same]];
      return;
    }
    const pick = refs.find(({ r, from }) => f.handlers.includes(r.func) && !used.has(handlerPath(r, from, ext)));
    const name = pick ? handlerPath(pick.r, pick.from, ext) : freeName(used, 'lambda/index', ext);
    used.add(name);
    state.names[i] = name;
    state.why[i] = pick ? `the handler ${pick.r.module ?? pick.r.func} that ${pick.from} points at` : 'a Lambda handler nothing names';
  });
}

function handlerPath(ref: HandlerRef, from: string, ext: string): string {
  const base = ref.fromFile ? path.posix.dirname(from) : '.';
  const asset = ref.asset ?? 'lambda';
  const file = /\.[jt]s$/.test(asset) ? asset : `${asset}/${ref.module ?? 'index'}${ext}`;
  return clean(path.posix.normalize(path.posix.join(base, file))) ?? `lambda/${ref.module ?? 'index'}${ext}`;
}

function freeName(used: Set<string>, base: string, ext: string): string {
  for (let n = 1; ; n++) if (!used.has(`${base}${n > 1 ? n : ''}${ext}`)) return `${base}${n > 1 ? n : ''}${ext}`;
}

/** A path inside the answer, or undefined when it climbs out of it. */
export function clean(file: string): string | undefined {
  return file.startsWith('../') || file.startsWith('/') ? undefined : file.replace(/^\.\//, '');
}
