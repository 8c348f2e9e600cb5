// Lint: typescript-eslint's recommended rules, no import cycles (type-only ones included), and the layering the code map promises.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const PERSISTENCE = ['db', 'auth', 'reviews', 'audit', 'deploy', 'admin', 'account', 'api'].map((d) => `./lib/${d}`);
const CORE = ['pipeline', 'rules', 'templates', 'diff', 'synth'].map((d) => `./lib/${d}`);

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'infra/cdk.out/**',
      'data/**',
      'reports/**',
      '.cache/**',
      'next-env.d.ts',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...CORE.map((target) => ({
              target,
              from: PERSISTENCE,
              message: 'The pipeline and the core folders stay free of persistence.',
            })),
            { target: './components', from: './lib/db', message: 'Components get data from lib/ services, never from lib/db.' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Kysely's migrations take Kysely<any> on purpose: a migration must not depend on today's schema types.
  { files: ['lib/db/migrations/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
