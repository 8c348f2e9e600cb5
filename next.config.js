const isDev = process.env.NODE_ENV !== 'production';

/** Content-Security-Policy: same-origin everything; inline scripts for Next's bootstrap; eval only for the dev server's HMR. */
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: CSP },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/**
 * Next.js configuration: heavy AWS libraries stay external (loaded by Node, not bundled); security headers on every
 * response (server.mjs adds the API's `Cache-Control: no-store`); `forbidden()` answers a page a role may not see with
 * HTTP 403 (authInterrupts).
 */
module.exports = {
  serverExternalPackages: [
    'aws-cdk-lib',
    'constructs',
    'cdk-nag',
    '@aws-cdk/cloudformation-diff',
    '@aws/cloudformation-validate',
    '@aws-sdk/client-cloudformation',
    'tsx',
    'yaml',
  ],
  outputFileTracingRoot: __dirname,
  poweredByHeader: false,
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
};
