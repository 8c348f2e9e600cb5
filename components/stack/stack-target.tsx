import type { EmulatorInfo } from '@/lib/aws/emulator';
import type { TargetDescription } from '@/lib/aws/target';

/** Where the panel reads from (endpoint or AWS account, region, stack), and on an emulator what it does not really do. */
export function StackTarget({ target, emulator }: { target: TargetDescription; emulator: EmulatorInfo | null }) {
  const where =
    target.kind === 'endpoint' ? (
      <code className="break-all text-slate-800">{target.endpoint}</code>
    ) : (
      <span className="text-slate-800">
        AWS,{' '}
        {target.profile ? (
          <>
            profile <code>{target.profile}</code>
          </>
        ) : (
          'default credentials'
        )}
      </span>
    );
  return (
    <div data-testid="stack-target" data-kind={target.kind} className="space-y-2 text-xs">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <dt className="text-slate-500">{target.kind === 'endpoint' ? 'Endpoint' : 'Account'}</dt>
        <dd>{where}</dd>
        <dt className="text-slate-500">Region</dt>
        <dd data-testid="stack-region" className="font-mono text-slate-800">
          {target.region}
        </dd>
        <dt className="text-slate-500">Stack</dt>
        <dd data-testid="stack-name" className="font-mono break-all text-slate-800">
          {target.stackName}
        </dd>
      </dl>
      {emulator && <EmulatorNote emulator={emulator} />}
    </div>
  );
}

/** A small, honest note: moto answers the CloudFormation API but only records some types; another endpoint is unknown. */
function EmulatorNote({ emulator }: { emulator: EmulatorInfo }) {
  if (emulator.kind === 'unknown-endpoint') {
    return (
      <p data-testid="stack-emulator" data-kind="unknown-endpoint" className="text-slate-500">
        A custom endpoint, not infra-review’s moto launcher: what it emulates is unknown.
      </p>
    );
  }
  return (
    <details
      data-testid="stack-emulator"
      data-kind="moto"
      className="rounded-md bg-amber-50/70 px-2.5 py-1.5 text-amber-900 ring-1 ring-inset ring-amber-200"
    >
      <summary className="cursor-pointer">
        The moto emulator, not AWS: {emulator.recordedOnly.length} resource {emulator.recordedOnly.length === 1 ? 'type is' : 'types are'}{' '}
        only recorded
      </summary>
      <div className="mt-1.5 space-y-1.5">
        <p>moto answers the CloudFormation API locally. For these types it records a physical ID and attributes, and creates nothing:</p>
        <TypeList testId="emulator-recorded-only" types={emulator.recordedOnly} />
        {emulator.addedWithBackend.length > 0 && (
          <>
            <p>Added by infra-review’s launcher, with something created in moto:</p>
            <TypeList types={emulator.addedWithBackend} />
          </>
        )}
        {emulator.completed.length > 0 && (
          <ul className="list-disc pl-4">
            {emulator.completed.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}

function TypeList({ types, testId }: { types: readonly string[]; testId?: string }) {
  return (
    <ul data-testid={testId} className="flex flex-wrap gap-1">
      {types.map((type) => (
        <li key={type}>
          <code className="rounded bg-white/80 px-1 py-0.5">{type}</code>
        </li>
      ))}
    </ul>
  );
}
