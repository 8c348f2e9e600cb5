import type { FindingSide } from '@/lib/stack/types';
import type { Severity } from '@/lib/rules/types';

/** Tailwind classes for each severity: the one place severity colors are chosen. */
export const SEVERITY_STYLES: Record<Severity, { chip: string; dot: string }> = {
  error: { chip: 'bg-red-50 text-red-700 ring-red-600/20', dot: 'bg-red-500' },
  warning: { chip: 'bg-amber-50 text-amber-800 ring-amber-600/25', dot: 'bg-amber-500' },
  info: { chip: 'bg-sky-50 text-sky-700 ring-sky-600/20', dot: 'bg-sky-500' },
};

/** How each side of a review, and the deployed stack, is named in the UI. */
export const SIDE_LABELS: Record<FindingSide, string> = {
  model: 'Model',
  reference: 'Reference',
  deployed: 'Deployed',
};
