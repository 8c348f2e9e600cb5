import type { Metadata } from 'next';
import Link from 'next/link';
import { ADMIN_SECTIONS } from '@/components/admin/admin-nav';
import { requirePageUser } from '@/lib/auth/guard';

/** The page's title (the layout adds " · infra-review"). */
export const metadata: Metadata = { title: 'Admin' };

export const dynamic = 'force-dynamic';

/** The admin area's index: links to users, audit log and settings (admins only; others get the 403 page). */
export default async function AdminPage() {
  await requirePageUser('admin');
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold text-slate-900">Admin</h1>
      <ul className="grid gap-3 sm:grid-cols-3">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.href}>
            <Link href={section.href} prefetch={false} className="block rounded-lg bg-white p-4 ring-1 ring-slate-200 hover:ring-slate-400">
              <span className="font-medium text-slate-900">{section.label}</span>
              <span className="mt-1 block text-sm text-slate-600">{section.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
