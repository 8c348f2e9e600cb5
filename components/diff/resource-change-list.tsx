import type { ResourceChange } from '@/lib/diff/types';
import { ImpactBadge } from './impact-badge';
import { CHANGE_MARKERS, PropertyChangeList } from './property-change-list';

/** Resource changes, each a collapsible row (logical id, the model's own when it differs, type, change, impact) that expands to why it was paired and its property changes. */
export function ResourceChangeList({ changes }: { changes: readonly ResourceChange[] }) {
  if (changes.length === 0) return <p className="text-xs text-slate-500">No resource changes.</p>;
  return (
    <ul data-testid="diff-resources" className="divide-y divide-slate-200 overflow-hidden rounded-md bg-white ring-1 ring-slate-200">
      {changes.map((change) => (
        <li
          key={`${change.stack ?? ''}/${change.logicalId}`}
          data-testid={`diff-resource-${change.logicalId}`}
          data-change={change.change}
          data-impact={change.impact}
          {...(change.modelLogicalId ? { 'data-model-logical-id': change.modelLogicalId } : {})}
        >
          <ResourceChangeRow change={change} />
        </li>
      ))}
    </ul>
  );
}

function ResourceChangeRow({ change }: { change: ResourceChange }) {
  const marker = CHANGE_MARKERS[change.change];
  const count = change.properties.length;
  return (
    <details className={`group ${change.destructive ? 'border-l-2 border-red-500' : 'border-l-2 border-transparent'}`}>
      <summary className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 hover:bg-slate-50">
        <span aria-hidden className="text-slate-400 transition-transform group-open:rotate-90">
          ▸
        </span>
        <span aria-hidden className={`w-3 font-mono font-semibold ${marker.text}`}>
          {marker.symbol}
        </span>
        {change.stack && (
          <span data-testid="diff-resource-stack" className="font-mono text-xs text-slate-400">
            {change.stack} ›
          </span>
        )}
        <span className="font-mono text-sm font-medium break-all text-slate-900">{change.logicalId}</span>
        {change.modelLogicalId && (
          <span data-testid="diff-model-id" className="font-mono text-xs break-all text-slate-500">
            ↔ {change.modelLogicalId} <span className="text-slate-400">(model)</span>
          </span>
        )}
        <span className="font-mono text-xs text-slate-500">{change.type}</span>
        <span className="ml-auto flex items-center gap-2">
          <span className={`text-xs ${marker.text}`}>{marker.label}</span>
          <ImpactBadge impact={change.impact} />
          <span className="text-xs text-slate-400">
            {count} {count === 1 ? 'change' : 'changes'}
          </span>
        </span>
      </summary>
      <div className="border-t border-slate-100 bg-slate-50/50">
        {change.modelLogicalId && <PairingNote change={change} />}
        <PropertyChangeList properties={change.properties} />
      </div>
    </details>
  );
}

/** Why a resource the model names otherwise was compared with this reference resource: signals, score and evidence. */
function PairingNote({ change }: { change: ResourceChange }) {
  return (
    <p data-testid="diff-pairing" className="border-b border-slate-100 px-3 py-2 text-xs text-slate-600">
      Paired with the model’s <code className="font-mono">{change.modelLogicalId}</code> by {(change.pairedBy ?? []).join(', ') || 'type'}
      {change.pairScore !== undefined && <> (score {change.pairScore.toFixed(2)})</>}
      {change.pairEvidence && change.pairEvidence.length > 0 && <>: {change.pairEvidence.join('; ')}</>}
    </p>
  );
}
