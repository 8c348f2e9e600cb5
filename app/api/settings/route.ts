import { ADMIN_MAX_BODY_BYTES, readJsonBody } from '@/lib/api/json-body';
import { actorOf } from '@/lib/auth/authorize';
import { appSettingsPatchSchema, getAppSettings, updateAppSettings } from '@/lib/admin/settings';
import { handle } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** The admin-editable settings (admin). */
export const GET = handle(async (req: Request) => {
  await requireUser(req, 'admin');
  return Response.json({ settings: await getAppSettings() });
});

/** Changes some or all settings (admin); each changed value is audited. */
export const PUT = handle(async (req: Request) => {
  const user = await requireUser(req, 'admin');
  const patch = appSettingsPatchSchema.parse(await readJsonBody(req, ADMIN_MAX_BODY_BYTES));
  return Response.json({ settings: await updateAppSettings({ patch, actor: actorOf(user) }) });
});
