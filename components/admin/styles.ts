/** Tailwind classes shared by the admin and account forms and tables. */
export const ui = {
  input: 'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-slate-500 focus:outline-none',
  label: 'block text-xs font-medium text-slate-600',
  button: 'rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60',
  secondary:
    'rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-60',
  table: 'w-full border-collapse text-left text-sm',
  th: 'border-b border-slate-200 px-2 py-1.5 text-xs font-medium uppercase tracking-wide text-slate-500',
  td: 'border-b border-slate-100 px-2 py-1.5 align-top',
  error: 'rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 ring-1 ring-red-200',
  success: 'rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200',
} as const;
