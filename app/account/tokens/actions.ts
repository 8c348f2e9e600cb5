'use server';

import { revalidatePath } from 'next/cache';
import { createOwnToken, revokeOwnToken } from '@/lib/account/tokens';
import { runAction, type ActionState } from '@/lib/admin/action-state';
import { actorOf } from '@/lib/auth/authorize';
import { getAuth } from '@/lib/auth/auth';
import { requireActionUser } from '@/lib/auth/guard';
import type { TokenScope } from '@/lib/auth/token-scopes';

/** After creating a token: the secret, which this state is the only place to show. */
export type CreateTokenState = ActionState<{ name: string; token: string }>;

/** Creates an API token for the signed-in user. */
export async function createTokenAction(_previous: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  return runAction(
    async () => {
      const user = await requireActionUser('viewer');
      const days = String(form.get('expiresInDays') ?? '');
      const name = String(form.get('name') ?? '');
      const scope = String(form.get('scope') ?? '') || undefined;
      const { token } = await createOwnToken(
        await getAuth(),
        { name, expiresInDays: days ? Number(days) : undefined, scope: scope as TokenScope | undefined },
        user,
      );
      revalidatePath('/account/tokens');
      return { name, token };
    },
    { form, keep: ['name', 'expiresInDays', 'scope'] },
  );
}

/** Revokes one of the signed-in user's own tokens. */
export async function revokeTokenAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireActionUser('viewer');
    await revokeOwnToken(await getAuth(), { id: String(form.get('id')) }, actorOf(user));
    revalidatePath('/account/tokens');
    return {};
  });
}
