import type { StackEventView } from '@/lib/aws/cloudformation';
import { TableHead } from './table-head';

const STACK_TYPE = 'AWS::CloudFormation::Stack';

/**
 * A deploy's events as the console's Events tab lists them, newest first: time, logical ID, type, status, reason; failures
 * red. Says so when the target reports only stack-level events (moto without infra-review's launcher).
 */
export function DeployEvents({ events }: { events: readonly StackEventView[] }) {
  if (events.length === 0) return <p className="text-xs text-slate-600">No stack events yet.</p>;
  const stackOnly = events.every((event) => event.resourceType === STACK_TYPE);
  return (
    <div className="space-y-1">
      <div tabIndex={0} className="max-h-80 overflow-auto rounded-md ring-1 ring-slate-200">
        <table data-testid="deploy-events" className="w-full text-left text-xs">
          <TableHead
            caption="Stack events of this deploy, newest first"
            columns={['Time (UTC)', 'Logical ID', 'Type', 'Status', 'Reason']}
            className="sticky top-0"
          />
          <tbody className="divide-y divide-slate-100">
            {events.map((event) => (
              <tr
                key={event.id}
                data-testid="deploy-event"
                data-failed={event.failed}
                data-resource-type={event.resourceType}
                className={`align-top ${event.failed ? 'bg-red-50 text-red-900' : 'text-slate-800'}`}
              >
                <td className="px-2 py-1 font-mono whitespace-nowrap">
                  <time dateTime={event.timestamp}>{event.timestamp.slice(11, 19)}</time>
                </td>
                <td className="px-2 py-1 font-mono break-all">{event.logicalId}</td>
                <td className="px-2 py-1 font-mono whitespace-nowrap">{event.resourceType}</td>
                <td className="px-2 py-1 font-mono font-semibold whitespace-nowrap">{event.status}</td>
                <td className={`px-2 py-1 ${event.failed ? 'text-red-800' : 'text-slate-600'}`}>{event.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {stackOnly && (
        <p data-testid="deploy-events-stack-only" className="text-xs text-slate-600">
          This target reports stack-level events only; CloudFormation on AWS adds one line per resource.
        </p>
      )}
    </div>
  );
}
