import type { UserRef } from './types';

/** The user reference for `id` from a label map (`getUserLabels` in lib/db/queries/users). */
export function userRef(labels: Map<string, string>, id: string): UserRef {
  return { id, label: labels.get(id) ?? id };
}
