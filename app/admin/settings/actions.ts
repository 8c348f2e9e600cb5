'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState } from '@/lib/admin/action-state';
import { actorOf } from '@/lib/auth/authorize';
import { appSettingsPatchSchema, updateAppSettings } from '@/lib/admin/settings';
import { requireActionUser } from '@/lib/auth/guard';

/** Saves the settings form (admin only); each changed value is audited. */
export async function saveSettingsAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const admin = await requireActionUser('admin');
    const patch = {
      requiredSignoffs: Number(form.get('requiredSignoffs')),
      deployRequiresSignedOffSession: form.get('deployRequiresSignedOffSession') === 'on',
      deployApprovalPolicy: String(form.get('deployApprovalPolicy') ?? 'broadening'),
      referenceNatGateways: Number(form.get('referenceNatGateways') ?? 1),
    };
    await updateAppSettings({ patch: appSettingsPatchSchema.parse(patch), actor: actorOf(admin) });
    revalidatePath('/admin/settings');
    return {};
  });
}
