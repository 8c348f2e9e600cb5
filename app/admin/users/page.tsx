import type { Metadata } from 'next';
import { AdminHeader } from '@/components/admin/admin-nav';
import { getAdminPageUser } from '@/components/admin/admin-page';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { Forbidden } from '@/components/admin/forbidden';
import { UsersTable } from '@/components/admin/users-table';
import { getAuth } from '@/lib/auth/auth';
import { listUsers } from '@/lib/auth/users';

/** The page's title (the layout adds " · infra-review"). */
export const metadata: Metadata = { title: 'Users' };

export const dynamic = 'force-dynamic';

/** Users (admins only): the create form and every user with a role select. */
export default async function AdminUsersPage() {
  const admin = await getAdminPageUser();
  if (!admin) return <Forbidden />;
  const users = await listUsers(await getAuth());
  return (
    <div className="space-y-4">
      <AdminHeader title="Users" current="/admin/users" />
      <CreateUserForm />
      <UsersTable users={users} selfId={admin.id} />
    </div>
  );
}
