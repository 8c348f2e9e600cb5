import type { Metadata } from 'next';
import { AdminHeader } from '@/components/admin/admin-nav';
import { SettingsForm } from '@/components/admin/settings-form';
import { getAppSettings } from '@/lib/admin/settings';
import { requirePageUser } from '@/lib/auth/guard';

/** The page's title (the layout adds " · infra-review"). */
export const metadata: Metadata = { title: 'Settings' };

export const dynamic = 'force-dynamic';

/** Settings (admins only): required sign-offs and the deploy policy. */
export default async function AdminSettingsPage() {
  await requirePageUser('admin');
  return (
    <div className="space-y-4">
      <AdminHeader title="Settings" current="/admin/settings" />
      <SettingsForm settings={await getAppSettings()} />
    </div>
  );
}
