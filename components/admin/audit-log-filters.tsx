import type { AppUser } from '@/lib/auth/users';
import { ui } from './styles';

/** The raw filter values of the audit log page's query string (what the form shows). */
export type AuditLogFilterValues = Partial<Record<'actor' | 'action' | 'entityType' | 'since' | 'until', string>>;

const ACTIONS = [
  'user.create',
  'user.set_role',
  'token.create',
  'token.revoke',
  'setting.set',
  'session.create',
  'session.close',
  'verdict.set',
  'comment.add',
  'finding.add',
  'signoff.add',
];
const ENTITY_TYPES = ['user', 'token', 'setting', 'session', 'verdict', 'comment', 'manual_finding', 'signoff', 'deploy'];

/** A plain GET form over /admin/audit-log: actor, action, entity type and date range (no client code needed). */
export function AuditLogFilters({ values, users }: { values: AuditLogFilterValues; users: AppUser[] }) {
  return (
    <form
      method="get"
      action="/admin/audit-log"
      data-testid="audit-filters"
      className="grid gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-6 sm:items-end"
    >
      <label className={ui.label}>
        Actor
        <select name="actor" defaultValue={values.actor ?? ''} className={ui.input} data-testid="audit-filter-actor">
          <option value="">anyone</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.email}
            </option>
          ))}
        </select>
      </label>
      <label className={ui.label}>
        Action
        <input
          name="action"
          defaultValue={values.action}
          list="audit-actions"
          placeholder="e.g. user.create"
          className={ui.input}
          data-testid="audit-filter-action"
        />
        <datalist id="audit-actions">
          {ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </label>
      <label className={ui.label}>
        Entity type
        <input
          name="entityType"
          list="audit-entity-types"
          defaultValue={values.entityType}
          className={ui.input}
          data-testid="audit-filter-entity-type"
        />
        <datalist id="audit-entity-types">
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </label>
      <label className={ui.label}>
        From
        <input type="date" name="since" defaultValue={values.since} className={ui.input} data-testid="audit-filter-since" />
      </label>
      <label className={ui.label}>
        To (inclusive)
        <input type="date" name="until" defaultValue={values.until} className={ui.input} data-testid="audit-filter-until" />
      </label>
      <div className="flex gap-2">
        <button type="submit" className={ui.button} data-testid="audit-filter-submit">
          Filter
        </button>
        <a href="/admin/audit-log" className={ui.secondary}>
          Clear
        </a>
      </div>
    </form>
  );
}
