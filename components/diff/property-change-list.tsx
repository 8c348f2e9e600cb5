import type { PropertyChange } from '@/lib/diff/types';
import { ImpactBadge } from './impact-badge';
import { JsonValue } from './json-value';
import { NestedChangeList } from './nested-change-list';

/** Marker and color of each kind of change, shared by resource and property rows. */
export const CHANGE_MARKERS: Readonly<Record<PropertyChange['change'], { symbol: string; label: string; text: string }>> = {
  added: { symbol: '+', label: 'added', text: 'text-emerald-700' },
  removed: { symbol: '−', label: 'removed', text: 'text-red-700' },
  updated: { symbol: '~', label: 'updated', text: 'text-amber-700' },
};

/** Property-level (or section-level) changes, each with its path, kind, impact and before/after values (nested line by line for updated objects and arrays). */
export function PropertyChangeList({ properties }: { properties: readonly PropertyChange[] }) {
  if (properties.length === 0) return <p className="px-3 py-2 text-xs text-slate-500">No property-level changes.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {properties.map((property) => (
        <PropertyRow key={`${property.change}:${property.path}`} property={property} />
      ))}
    </ul>
  );
}

function PropertyRow({ property }: { property: PropertyChange }) {
  const marker = CHANGE_MARKERS[property.change];
  const showBefore = property.change !== 'added';
  const showAfter = property.change !== 'removed';
  return (
    <li data-testid="diff-property" data-path={property.path} className="space-y-1.5 px-3 py-2">
      <div className="flex flex-wrap items-center gap-2">
        <span aria-hidden className={`font-mono font-semibold ${marker.text}`}>
          {marker.symbol}
        </span>
        <code className="break-all text-xs font-medium text-slate-800">{property.path}</code>
        <span className={`text-xs ${marker.text}`}>{marker.label}</span>
        {property.impact && property.impact !== 'update' && property.impact !== 'none' && <ImpactBadge impact={property.impact} />}
      </div>
      {property.nested ? (
        <>
          <NestedChangeList changes={property.nested} />
          <details>
            <summary className="text-xs text-sky-700 hover:underline">Whole values</summary>
            <BeforeAfter property={property} showBefore showAfter />
          </details>
        </>
      ) : (
        <BeforeAfter property={property} showBefore={showBefore} showAfter={showAfter} />
      )}
    </li>
  );
}

function BeforeAfter({ property, showBefore, showAfter }: { property: PropertyChange; showBefore: boolean; showAfter: boolean }) {
  return (
    <div className={`grid gap-2 ${showBefore && showAfter ? 'sm:grid-cols-2' : ''}`}>
      {showBefore && <LabeledValue label="Before" value={property.before} tone="before" />}
      {showAfter && <LabeledValue label="After" value={property.after} tone="after" />}
    </div>
  );
}

function LabeledValue({ label, value, tone }: { label: string; value: unknown; tone: 'before' | 'after' }) {
  return (
    <div className="min-w-0 space-y-0.5">
      <p className="text-[11px] font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <JsonValue value={value} tone={tone} />
    </div>
  );
}
