'use client';

/** Signs out through better-auth, then shows the sign-in page. */
export function SignOutButton() {
  async function signOut() {
    await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(
      () => undefined,
    );
    window.location.assign('/sign-in');
  }
  return (
    <button
      type="button"
      onClick={signOut}
      data-testid="sign-out"
      className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
    >
      Sign out
    </button>
  );
}
