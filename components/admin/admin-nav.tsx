import Link from 'next/link';

/** The admin area's sections. */
export const ADMIN_SECTIONS = [
  { href: '/admin/users', label: 'Users', description: 'Add users and change their roles.' },
  { href: '/admin/audit-log', label: 'Audit log', description: 'Every recorded action, filterable and exportable as JSON lines.' },
  { href: '/admin/settings', label: 'Settings', description: 'Required sign-offs and deploy policy.' },
] as const;

/** Heading of an admin page with links to the other sections. */
export function AdminHeader({ title, current }: { title: string; current?: string }) {
  return (
    <div className="mb-4 flex flex-wrap items-baseline gap-x-6 gap-y-2">
      <h1 className="text-lg font-semibold text-slate-900">
        <Link href="/admin" className="text-slate-500 underline decoration-slate-300 underline-offset-4 hover:text-slate-900">
          Admin
        </Link>{' '}
        / {title}
      </h1>
      <nav aria-label="Admin" className="flex flex-wrap gap-1 text-sm">
        {ADMIN_SECTIONS.map((section) => (
          <Link
            key={section.href}
            href={section.href}
            prefetch={false}
            aria-current={section.href === current ? 'page' : undefined}
            className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
          >
            {section.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
