/**
 * Execute or cancel a previewed change set. The execute button says what it does: "Confirm and execute" (amber) when the
 * approval policy asks for a confirmation, "Execute change set" when it does not; nothing runs before either is pressed.
 */
export function DeployDecision({
  required,
  pending,
  onExecute,
  onCancel,
}: {
  required: boolean;
  pending: boolean;
  onExecute: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3">
      <button
        type="button"
        data-testid="deploy-confirm"
        data-approval-required={required}
        disabled={pending}
        onClick={onExecute}
        className={`rounded-md px-3 py-1.5 text-sm font-medium text-white disabled:bg-slate-300 ${
          required ? 'bg-amber-700 hover:bg-amber-600' : 'bg-slate-900 hover:bg-slate-700'
        }`}
      >
        {required ? 'Confirm and execute' : 'Execute change set'}
      </button>
      <button
        type="button"
        data-testid="deploy-cancel"
        disabled={pending}
        onClick={onCancel}
        className="rounded-md px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
      >
        Cancel deploy
      </button>
      <span className="text-xs text-slate-600">Cancel deletes the change set; nothing is deployed.</span>
    </div>
  );
}
