'use client';

import { useActionState } from 'react';
import { saveSettingsAction } from '@/app/admin/settings/actions';
import type { ActionState } from '@/lib/admin/action-state';
import type { AppSettings } from '@/lib/admin/settings';
import { FieldError, fieldErrorProps } from './field-error';
import { ui } from './styles';

/** The form's name, the prefix of its field error ids. */
const FORM = 'settings';

/** Edits the settings; saved values are audited; a rejected field is marked and described. */
export function SettingsForm({ settings }: { settings: AppSettings }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveSettingsAction, { status: 'idle' });
  return (
    <form action={action} data-testid="settings-form" className="max-w-lg space-y-4 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <label className={ui.label}>
        Sign-offs required to close an audit session (1–10)
        <input
          key={`signoffs:${settings.requiredSignoffs}`}
          name="requiredSignoffs"
          type="number"
          min={1}
          max={10}
          required
          defaultValue={settings.requiredSignoffs}
          className={`${ui.input} w-24`}
          data-testid="settings-required-signoffs"
          {...fieldErrorProps(state, FORM, 'requiredSignoffs')}
        />
      </label>
      <FieldError state={state} form={FORM} field="requiredSignoffs" />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          key={`deploy:${settings.deployRequiresSignedOffSession}`}
          name="deployRequiresSignedOffSession"
          type="checkbox"
          defaultChecked={settings.deployRequiresSignedOffSession}
          data-testid="settings-deploy-requires-signoff"
          {...fieldErrorProps(state, FORM, 'deployRequiresSignedOffSession')}
        />
        Deploys require a signed-off audit session
      </label>
      <FieldError state={state} form={FORM} field="deployRequiresSignedOffSession" />
      <label className={ui.label}>
        Deploy approval: which change sets need an explicit confirmation
        <select
          key={`approval:${settings.deployApprovalPolicy}`}
          name="deployApprovalPolicy"
          defaultValue={settings.deployApprovalPolicy}
          className={`${ui.input} w-72`}
          data-testid="settings-approval-policy"
          {...fieldErrorProps(state, FORM, 'deployApprovalPolicy')}
        >
          <option value="never">never (deploy at once)</option>
          <option value="broadening">broadening (IAM or security group widening, replacements, deletions)</option>
          <option value="any-change">any change</option>
        </select>
      </label>
      <FieldError state={state} form={FORM} field="deployApprovalPolicy" />
      <label className={ui.label}>
        Reference NAT gateways
        <select
          key={`nat:${settings.referenceNatGateways}`}
          name="referenceNatGateways"
          defaultValue={String(settings.referenceNatGateways)}
          className={`${ui.input} w-72`}
          data-testid="settings-reference-nat"
          {...fieldErrorProps(state, FORM, 'referenceNatGateways')}
        >
          <option value="1">1 (saves cost; acknowledged in the template)</option>
          <option value="2">2 (one per zone: the production setting)</option>
        </select>
      </label>
      <FieldError state={state} form={FORM} field="referenceNatGateways" />
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={ui.button} data-testid="settings-save">
          {pending ? 'Saving…' : 'Save'}
        </button>
        {state.status === 'ok' && (
          <span role="status" className="text-sm text-emerald-700" data-testid="settings-saved">
            Saved.
          </span>
        )}
      </div>
      {state.status === 'error' && (
        <p role="alert" className={ui.error}>
          {state.message}
        </p>
      )}
    </form>
  );
}
