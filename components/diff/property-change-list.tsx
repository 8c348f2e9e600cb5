import { CHANGE_MARKERS, markerLines } from '@/lib/diff/markers';
import type { PropertyChange } from '@/lib/diff/types';
import { ImpactBadge } from './impact-badge';
import { JsonValue } from './json-value';
import { CHANGE_STYLES, NestedChangeList } from './nested-change-list';

/**
 * Property-level (or section-level) changes, each with its `[+]`/`[-]`/`[~]` marker, path, kind and impact; objects and
 * arrays line by line (each nested line marked, the whole values one click away), scalars as before/after values.
 */
export function PropertyChangeList({ properties }: { properties: readonly PropertyChange[] }) {
  if (properties.length === 0) return <p className="px-3 py-2 text-xs text-slate-600">No property-level changes.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {properties.map((property) => (
        <PropertyRow key={`${property.change}:${property.path}`} property={property} />
      ))}
    </ul>
  );
}

function PropertyRow({ property }: { property: PropertyChange }) {
  const style = CHANGE_STYLES[property.change];
  const lines = markerLines(property);
  return (
    <li data-testid="diff-property" data-path={property.path} data-change={property.change} className="min-w-0 space-y-1.5 px-3 py-2">
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid="diff-marker" className={`font-mono text-xs font-semibold ${style.marker}`}>
          {CHANGE_MARKERS[property.change]}
        </span>
        <code className="text-xs font-medium break-all text-slate-800">{property.path}</code>
        <span className={`text-xs ${style.marker}`}>{style.label}</span>
        {property.impact && property.impact !== 'update' && property.impact !== 'none' && <ImpactBadge impact={property.impact} />}
      </div>
      {lines.length > 0 ? (
        <>
          <NestedChangeList changes={lines} />
          <details>
            <summary className="text-xs text-sky-700 hover:underline">Whole {property.change === 'updated' ? 'values' : 'value'}</summary>
            <BeforeAfter property={property} />
          </details>
        </>
      ) : (
        <BeforeAfter property={property} />
      )}
    </li>
  );
}

function BeforeAfter({ property }: { property: PropertyChange }) {
  const showBefore = property.change !== 'added';
  const showAfter = property.change !== 'removed';
  return (
    <div className={`grid gap-2 ${showBefore && showAfter ? 'sm:grid-cols-2' : ''}`}>
      {showBefore && <LabeledValue label="[-] before" value={property.before} tone="before" />}
      {showAfter && <LabeledValue label="[+] after" value={property.after} tone="after" />}
    </div>
  );
}

function LabeledValue({ label, value, tone }: { label: string; value: unknown; tone: 'before' | 'after' }) {
  return (
    <div className="min-w-0 space-y-0.5">
      <p className={`font-mono text-[11px] font-medium ${tone === 'before' ? 'text-red-800' : 'text-emerald-800'}`}>{label}</p>
      <JsonValue value={value} tone={tone} />
    </div>
  );
}
