import type { AppUser } from '@/lib/auth/users';
import { RoleSelect } from './role-select';
import { ui } from './styles';

/** Every user with a role select each; `selfId` marks the signed-in admin. */
export function UsersTable({ users, selfId }: { users: AppUser[]; selfId: string }) {
  return (
    <div role="region" aria-label="Users" tabIndex={0} className="overflow-x-auto">
      <table className={ui.table}>
        <thead>
          <tr>
            <th className={ui.th}>Email</th>
            <th className={ui.th}>Name</th>
            <th className={ui.th}>Role</th>
            <th className={ui.th}>Created</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-testid="user-row" data-email={user.email}>
              <td className={`${ui.td} font-mono text-xs`}>
                {user.email}
                {user.id === selfId && <span className="ml-2 rounded bg-slate-100 px-1 text-slate-500">you</span>}
              </td>
              <td className={ui.td}>{user.name}</td>
              <td className={ui.td}>
                <RoleSelect userId={user.id} role={user.role} email={user.email} />
              </td>
              <td className={`${ui.td} text-xs text-slate-500`}>{user.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
