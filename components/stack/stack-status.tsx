import type { DeployedStack, StackOutput } from '@/lib/stack/types';
import { formatInstant, TONE_STYLES, toneOf } from './labels';

/** The stack as CloudFormation describes it (status, reason, last update, resources, outputs), or why there is none to show. */
export function StackStatus({ stack, stackName }: { stack: DeployedStack; stackName: string }) {
  const status = stack.status === 'ok' ? stack.stackStatus : stack.status;
  return (
    <div data-testid="stack-status" data-status={status} className="space-y-3 text-xs">
      {stack.status === 'not-deployed' && (
        <p data-testid="stack-not-deployed" className="rounded-md bg-slate-50 px-3 py-2 text-slate-700 ring-1 ring-inset ring-slate-200">
          Not deployed: there is no stack <code>{stackName}</code> at this target.
        </p>
      )}
      {stack.status === 'unavailable' && (
        <p
          data-testid="stack-unavailable"
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-red-800 ring-1 ring-inset ring-red-200"
        >
          The stack could not be read: {stack.message}
        </p>
      )}
      {stack.status === 'ok' && (
        <>
          <div className="space-y-1">
            <span
              className={`inline-block rounded-md px-2 py-0.5 font-mono font-medium ring-1 ring-inset ${TONE_STYLES[toneOf(stack.stackStatus)].chip}`}
            >
              {stack.stackStatus}
            </span>
            {stack.reason && (
              <p data-testid="stack-reason" className="text-slate-700">
                {stack.reason}
              </p>
            )}
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
            <dt className="text-slate-500">Last update</dt>
            <dd>
              <time dateTime={stack.lastUpdated} className="text-slate-800">
                {formatInstant(stack.lastUpdated)}
              </time>
            </dd>
            <dt className="text-slate-500">Resources</dt>
            <dd data-testid="stack-resource-count" className="font-mono tabular-nums text-slate-800">
              {stack.resourceCount ?? 'unknown'}
            </dd>
          </dl>
          <Outputs outputs={stack.outputs} />
        </>
      )}
    </div>
  );
}

/** The stack's outputs as a key/value table. */
function Outputs({ outputs }: { outputs: readonly StackOutput[] }) {
  if (outputs.length === 0)
    return (
      <p data-testid="stack-outputs" className="text-slate-500">
        No outputs.
      </p>
    );
  return (
    <table data-testid="stack-outputs" className="w-full table-fixed text-left">
      <caption className="pb-1 text-left font-semibold text-slate-700">Outputs</caption>
      <tbody className="divide-y divide-slate-100">
        {outputs.map((output) => (
          <tr key={output.key} data-testid="stack-output" data-key={output.key} className="align-top">
            <th scope="row" className="w-2/5 py-1 pr-2 font-mono font-medium break-all text-slate-700" title={output.description}>
              {output.key}
            </th>
            <td className="py-1 font-mono break-all text-slate-900">{output.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
