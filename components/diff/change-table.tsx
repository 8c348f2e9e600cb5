import type { ChangeTable } from '@/lib/diff/types';

const ROW_STYLES: Readonly<Record<ChangeTable['rows'][number]['change'], string>> = {
  added: 'bg-emerald-50/70 text-emerald-900',
  removed: 'bg-red-50/70 text-red-900',
};

/** A CDK-CLI-style change table (IAM statements, managed policies, security group rules): + rows green, − rows red. */
export function ChangeTableView({ title, table, testId }: { title: string; table: ChangeTable; testId: string }) {
  return (
    <section className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      <div tabIndex={0} className="overflow-x-auto rounded-md bg-white ring-1 ring-slate-200">
        <table data-testid={testId} className="min-w-full text-left text-xs">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              {table.headers.map((header, i) => (
                <th key={i} scope="col" className="px-3 py-1.5 font-medium">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.rows.map((row, i) => (
              <tr key={i} data-change={row.change} className={ROW_STYLES[row.change]}>
                {row.cells.map((cell, j) => (
                  <td key={j} className="px-3 py-1.5 align-top font-mono whitespace-pre-wrap break-all">
                    {j === 0 ? (row.change === 'added' ? '+' : '−') : cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
