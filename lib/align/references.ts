/* Resource references inside template values (Ref, Fn::GetAtt in both forms, Fn::Sub `${X}`/`${X.Attr}`), read or renamed by one walker. */
import type { CfnValue } from '../templates/types';

/** A copy of `value` with every referenced name passed through `rename` (return the name to keep it); never mutates `value`. */
export function renameReferences(value: CfnValue, rename: (name: string) => string): CfnValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => renameReferences(item, rename));
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const [key] = keys;
    const inner = value[key];
    if (key === 'Ref' && typeof inner === 'string') return { Ref: rename(inner) };
    if (key === 'Fn::GetAtt') return { 'Fn::GetAtt': renameGetAtt(inner, rename) };
    if (key === 'Fn::Sub') return { 'Fn::Sub': renameSub(inner, rename) };
  }
  const copy: { [key: string]: CfnValue } = {};
  for (const key of keys) copy[key] = renameReferences(value[key], rename);
  return copy;
}

/** Every name `value` references (pseudo parameters and parameters included; callers keep the ones they know). */
export function referencedNames(value: CfnValue, into = new Set<string>()): Set<string> {
  renameReferences(value, (name) => {
    into.add(name);
    return name;
  });
  return into;
}

function renameGetAtt(inner: CfnValue, rename: (name: string) => string): CfnValue {
  if (Array.isArray(inner) && typeof inner[0] === 'string')
    return [rename(inner[0]), ...inner.slice(1).map((v) => renameReferences(v, rename))];
  if (typeof inner === 'string' && inner.includes('.')) {
    const dot = inner.indexOf('.');
    return `${rename(inner.slice(0, dot))}${inner.slice(dot)}`;
  }
  return renameReferences(inner, rename);
}

/** `${X}` and `${X.Attr}` in the Sub string; names the variable map defines are local, not references. */
function renameSub(inner: CfnValue, rename: (name: string) => string): CfnValue {
  if (typeof inner === 'string') return renameSubString(inner, rename, new Set());
  if (Array.isArray(inner) && typeof inner[0] === 'string') {
    const variables = inner[1] && typeof inner[1] === 'object' && !Array.isArray(inner[1]) ? inner[1] : {};
    const local = new Set(Object.keys(variables));
    return [renameSubString(inner[0], rename, local), ...inner.slice(1).map((v) => renameReferences(v, rename))];
  }
  return renameReferences(inner, rename);
}

function renameSubString(text: string, rename: (name: string) => string, local: ReadonlySet<string>): string {
  // `${!Literal}` is an escaped literal, not a reference.
  return text.replace(/\$\{([^!}][^}]*)\}/g, (whole, expression: string) => {
    const dot = expression.indexOf('.');
    const name = (dot < 0 ? expression : expression.slice(0, dot)).trim();
    if (local.has(name)) return whole;
    return `\${${rename(name)}${dot < 0 ? '' : expression.slice(dot)}}`;
  });
}
