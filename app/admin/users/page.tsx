import type { Metadata } from 'next';
import { AdminHeader } from '@/components/admin/admin-nav';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UsersTable } from '@/components/admin/users-table';
import { getAuth } from '@/lib/auth/auth';
import { listUsers } from '@/lib/auth/users';
import { requirePageUser } from '@/lib/auth/guard';

/** The page's title (the layout adds " · infra-review"). */
export const metadata: Metadata = { title: 'Users' };

export const dynamic = 'force-dynamic';

/** Users (admins only): the create form and every user with a role select. */
export default async function AdminUsersPage() {
  const admin = await requirePageUser('admin');
  const users = await listUsers(await getAuth());
  return (
    <div className="space-y-4">
      <AdminHeader title="Users" current="/admin/users" />
      <CreateUserForm />
      <UsersTable users={users} selfId={admin.id} />
    </div>
  );
}
