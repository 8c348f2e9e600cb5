import { CHANGE_MARKERS } from '@/lib/diff/markers';
import type { ChangeTable } from '@/lib/diff/types';

const ROW_STYLES: Readonly<Record<ChangeTable['rows'][number]['change'], string>> = {
  added: 'bg-emerald-50 text-emerald-900',
  removed: 'bg-red-50 text-red-900',
};

/**
 * A CDK-CLI-style change table (IAM statements, managed policies, security group rules): [+] rows green, [-] rows red. Cells
 * never wrap (an ARN or action list reads as one piece); a wide table scrolls inside its own frame, not the page.
 */
export function ChangeTableView({ title, table, testId }: { title: string; table: ChangeTable; testId: string }) {
  return (
    <section className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      <div
        data-testid={`${testId}-scroll`}
        role="region"
        aria-label={title}
        // Focusable so that keyboard users can scroll a table wider than the page.
        tabIndex={0}
        className="max-w-full overflow-x-auto rounded-md bg-white ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        <table data-testid={testId} className="min-w-full text-left text-xs">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              {table.headers.map((header, i) => (
                <th key={i} scope="col" className="px-3 py-1.5 font-medium whitespace-nowrap">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.rows.map((row, i) => (
              <tr key={i} data-change={row.change} className={ROW_STYLES[row.change]}>
                {row.cells.map((cell, j) => (
                  <td key={j} className="px-3 py-1.5 align-top font-mono whitespace-pre">
                    {j === 0 ? CHANGE_MARKERS[row.change] : cell}
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
