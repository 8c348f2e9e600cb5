/** Roles in increasing order of power: each includes everything the ones before it may do. */
export const ROLES = ['viewer', 'reviewer', 'deployer', 'admin'] as const;

/** viewer reads; reviewer records verdicts and comments; deployer may deploy; admin manages users and settings. */
export type Role = (typeof ROLES)[number];

/** True when `value` names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `user` holds `min` or a more powerful role; unknown roles hold nothing. */
export function hasRole(user: { role?: unknown } | null | undefined, min: Role): boolean {
  if (!user || !isRole(user.role)) return false;
  return ROLES.indexOf(user.role) >= ROLES.indexOf(min);
}
