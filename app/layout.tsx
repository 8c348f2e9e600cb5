import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { UserMenu } from '@/components/auth/user-menu';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'infra-review', template: '%s · infra-review' },
  description: 'Review a model’s AWS CDK stack against a reference stack.',
};

const NAV = [
  { href: '/', label: 'Review' },
  { href: '/reviews', label: 'Reviews' },
  { href: '/diff', label: 'Diff' },
  // A route handler, not a page: plain navigation, no client-side routing.
  { href: '/api/openapi.json', label: 'API', document: true },
] as const;

const NAV_LINK = 'rounded px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900';

/** Root layout: system fonts, the app header with its navigation, and a centered main column. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-1"
        >
          Skip to content
        </a>
        {/* On a phone the header wraps to several rows, so it scrolls away instead of covering the page. */}
        <header className="z-10 border-b border-slate-200 bg-white/90 backdrop-blur sm:sticky sm:top-0">
          <div className="mx-auto flex min-h-12 max-w-7xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 sm:px-6 sm:py-0">
            <Link href="/" className="font-mono text-sm font-semibold tracking-tight text-slate-900">
              infra-review
            </Link>
            <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm">
              {NAV.map((item) =>
                'document' in item ? (
                  <a key={item.href} href={item.href} className={NAV_LINK}>
                    {item.label}
                  </a>
                ) : (
                  <Link key={item.href} href={item.href} prefetch={false} className={NAV_LINK}>
                    {item.label}
                  </Link>
                ),
              )}
            </nav>
            <UserMenu />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
