import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/tmp',
      '**/coverage',
      '**/test-results',
      '**/.angular',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    ignores: ['**/eslint.config.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          // Projects import their own folders through their alias (`@api/…`), never `../` across folders.
          allowCircularSelfDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The API's tests use the test harness; the harness never imports the API.
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared', 'scope:testing'],
            },
            {
              sourceTag: 'scope:back-office',
              onlyDependOnLibsWithTags: ['scope:back-office', 'scope:shared'],
            },
            {
              sourceTag: 'scope:testing',
              onlyDependOnLibsWithTags: ['scope:testing', 'scope:api', 'scope:shared'],
            },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:e2e', 'scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    // Type-aware rules for TypeScript sources.
    files: ['**/*.ts'],
    ignores: ['**/jest.config.ts', '**/playwright.config.ts'],
    languageOptions: {
      parserOptions: { projectService: true },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read values they have just asserted: `!` is fine there.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.suite.ts', '**/*.e2e.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Jest's global setup, and the backup test's cluster, share the embedded-PostgreSQL driver and
    // the stand-in ProConnect with the `npm start` launcher in tools/.
    files: [
      'libs/testing/src/postgres/*.mjs',
      'libs/testing/src/s3/*.mjs',
      'libs/testing/src/oidc/*.mjs',
      'apps/api/src/testing/passerelle-cluster.mjs',
    ],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  prettier,
];
