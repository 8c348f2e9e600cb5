import { changeSetRowsOf, type ChangeAction, type ChangeSetRow } from '@/lib/deploy/change-rows';
import type { DeployPreview } from '@/lib/deploy/types';
import { TableHead } from './table-head';

const ACTION_STYLES: Readonly<Record<ChangeAction, string>> = {
  Add: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  Modify: 'bg-sky-50 text-sky-800 ring-sky-600/30',
  Remove: 'bg-red-50 text-red-800 ring-red-600/30',
  Import: 'bg-slate-100 text-slate-700 ring-slate-300',
  Dynamic: 'bg-slate-100 text-slate-700 ring-slate-300',
};

/** The change set as the CloudFormation console lists it: action, logical ID, type, replacement, and why it needs approval. */
export function ChangeSetTable({ preview }: { preview: DeployPreview }) {
  const rows = changeSetRowsOf(preview);
  if (rows.length === 0) return <p className="text-sm text-slate-600">The change set lists no resource changes.</p>;
  return (
    <div tabIndex={0} className="overflow-x-auto rounded-md ring-1 ring-slate-200">
      <table data-testid="change-set-table" className="w-full text-left text-sm">
        <TableHead
          caption="Resource changes of the change set"
          columns={['Action', 'Logical ID', 'Type', 'Replacement', 'Needs approval because']}
          className="text-xs"
        />
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <ChangeSetTableRow key={`${row.action}-${row.logicalId}`} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChangeSetTableRow({ row }: { row: ChangeSetRow }) {
  return (
    <tr data-testid="change-set-row" data-action={row.action} data-logical-id={row.logicalId} className="align-top">
      <td className="px-3 py-1.5">
        <span className={`inline-flex rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${ACTION_STYLES[row.action]}`}>
          {row.action}
        </span>
      </td>
      <td className="px-3 py-1.5 font-mono break-all text-slate-900">{row.logicalId}</td>
      <td className="px-3 py-1.5 font-mono whitespace-nowrap text-slate-700">{row.type}</td>
      <td data-testid="change-set-replacement" className="px-3 py-1.5 text-slate-800">
        {row.replacement === null ? <span aria-label="not applicable">—</span> : row.replacement}
      </td>
      <td data-testid="change-set-approval" className="px-3 py-1.5 text-amber-900">
        {row.approvalReasons.join(', ')}
      </td>
    </tr>
  );
}
