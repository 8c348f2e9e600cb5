import type { Severity } from '@/lib/rules/types';
import { SEVERITY_STYLES } from './labels';

// Muted (reference side, acknowledged) badges are grey with the severity's dot: fading the coloured pill with opacity
// took its text below readable contrast.
const MUTED = 'bg-white text-slate-600 ring-slate-200';

/** A colored pill naming a severity, optionally with a count (`3 error`); muted ones are grey but for the dot. */
export function SeverityBadge({ severity, count, muted }: { severity: Severity; count?: number; muted?: boolean }) {
  const zero = count === 0;
  const style = zero ? 'bg-slate-50 text-slate-400 ring-slate-200' : muted ? MUTED : SEVERITY_STYLES[severity].chip;
  return (
    <span
      data-testid="severity-badge"
      data-severity={severity}
      className={`inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${style}`}
    >
      <span aria-hidden className={`size-1.5 rounded-full ${zero ? 'bg-slate-300' : SEVERITY_STYLES[severity].dot}`} />
      {count === undefined ? severity : `${count} ${severity}`}
    </span>
  );
}

/** A neutral badge marking an acknowledged finding, with the artifact's reason as its title. */
export function AcknowledgedBadge({ reason }: { reason?: string }) {
  return (
    <span
      data-testid="acknowledged-badge"
      title={reason}
      className="inline-flex items-center rounded-md bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-inset ring-slate-300"
    >
      acknowledged
    </span>
  );
}

/** Marks a model finding the reference has too: a shared problem, not counted among the model's failures. */
export function SharedBadge() {
  return (
    <span
      data-testid="shared-badge"
      title="The reference has the same finding on the paired resource: not counted among the model's failures"
      className="inline-flex items-center rounded-md bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-inset ring-slate-300"
    >
      shared with the reference
    </span>
  );
}
