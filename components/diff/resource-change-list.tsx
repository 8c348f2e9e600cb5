import { CHANGE_MARKERS } from '@/lib/diff/markers';
import { diffAnchorId } from '@/lib/diff/finding-entries';
import type { ResourceChange } from '@/lib/diff/types';
import { EntryFindingList, type EntryFinding } from './entry-findings';
import { ImpactBadge } from './impact-badge';
import { CHANGE_STYLES } from './nested-change-list';
import { PropertyChangeList } from './property-change-list';

/**
 * Resource changes, each a collapsible row (logical id, the model's own when it differs, type, change, impact, findings)
 * that expands to its findings, why it was paired and its property changes. `anchored` rows carry their diffAnchorId as
 * element id (one list per page may); `findings` are the findings of each row by that anchor.
 */
export function ResourceChangeList({
  changes,
  anchored = false,
  findings,
}: {
  changes: readonly ResourceChange[];
  anchored?: boolean;
  findings?: ReadonlyMap<string, readonly EntryFinding[]>;
}) {
  if (changes.length === 0) return <p className="text-xs text-slate-600">No resource changes.</p>;
  return (
    <ul data-testid="diff-resources" className="divide-y divide-slate-200 overflow-hidden rounded-md bg-white ring-1 ring-slate-200">
      {changes.map((change) => {
        const anchor = diffAnchorId(change);
        const own = findings?.get(anchor) ?? [];
        return (
          <li
            key={`${change.stack ?? ''}/${change.logicalId}`}
            id={anchored ? anchor : undefined}
            data-testid={`diff-resource-${change.logicalId}`}
            data-change={change.change}
            data-impact={change.impact}
            data-type={change.type}
            data-findings={own.length}
            className="scroll-mt-16 target:ring-2 target:ring-sky-400"
            {...(change.modelLogicalId ? { 'data-model-logical-id': change.modelLogicalId } : {})}
          >
            <ResourceChangeRow change={change} findings={own} />
          </li>
        );
      })}
    </ul>
  );
}

function ResourceChangeRow({ change, findings }: { change: ResourceChange; findings: readonly EntryFinding[] }) {
  const style = CHANGE_STYLES[change.change];
  const count = change.properties.length;
  return (
    <details data-testid="diff-row-details" className={`group border-l-4 ${change.destructive ? 'border-red-600' : 'border-transparent'}`}>
      <summary
        className={`flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 hover:bg-slate-50 ${change.destructive ? 'bg-red-50/40' : ''}`}
      >
        <span aria-hidden className="text-slate-500 transition-transform group-open:rotate-90">
          ▸
        </span>
        <span data-testid="diff-marker" className={`font-mono text-xs font-semibold ${style.marker}`}>
          {CHANGE_MARKERS[change.change]}
        </span>
        {change.stack && (
          <span data-testid="diff-resource-stack" className="font-mono text-xs text-slate-500">
            {change.stack} ›
          </span>
        )}
        <span className="font-mono text-sm font-medium break-all text-slate-900">{change.logicalId}</span>
        {change.modelLogicalId && (
          <span data-testid="diff-model-id" className="font-mono text-xs break-all text-slate-600">
            ↔ {change.modelLogicalId} <span className="text-slate-500">(model)</span>
          </span>
        )}
        <span className="font-mono text-xs break-all text-slate-600">{change.type}</span>
        <span className="ml-auto flex items-center gap-2">
          {findings.length > 0 && (
            <span data-testid="diff-finding-count" className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
              {findings.length} {findings.length === 1 ? 'finding' : 'findings'}
            </span>
          )}
          <span className={`text-xs ${style.marker}`}>{style.label}</span>
          <ImpactBadge impact={change.impact} />
          <span className="text-xs text-slate-600">
            {count} {count === 1 ? 'change' : 'changes'}
          </span>
        </span>
      </summary>
      <div className="border-t border-slate-100 bg-slate-50/50">
        {findings.length > 0 && <EntryFindingList findings={findings} />}
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
