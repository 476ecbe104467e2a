// ESLint flat config: typescript-eslint's type-checked rules over the whole TypeScript tree (one
// tsconfig via projectService), React hooks rules for the UI. Formatting belongs to Prettier.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  globalIgnores([
    'src/server/db/generated/**',
    '.next/**',
    'node_modules/**',
    'test-reports/**',
    'test-results/**',
    'playwright-report/**',
    'coverage/**',
    'next-env.d.ts',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // The code marks deliberate fire-and-forget calls with `void` or fireAndForget(); anything else
      // unawaited is a lost error.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': 'error',
      // Type-only imports keep server modules out of client bundles and make the layer check exact.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // `_`-prefixed names are the explicit "unused on purpose" marker (callbacks with fixed signatures).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Picked from strictTypeChecked: cheap, and each one has caught real bugs elsewhere.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      // Numbers and booleans in log/error strings are fine; objects printing "[object Object]" are not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      // Async methods that implement a Promise-returning interface (engines, stores, fakes) without
      // awaiting are deliberate: `async` turns a throw into a rejection. 22 such findings, no bugs.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Layer rule that a module graph cannot see (dependency-cruiser checks the rest): services throw
    // AppError with a code; only the tRPC layer turns codes into TRPCErrors.
    files: ['**/*.{ts,tsx}'],
    ignores: ['src/server/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@trpc/server',
              importNames: ['TRPCError'],
              message: 'TRPCError lives only under src/server/api; throw AppError and let the tRPC layer map it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.tsx', 'src/features/**/*.ts', 'src/components/**/*.ts', 'src/trpc/**/*.ts'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Tests build partial fakes (`as unknown as Session`, mocked modules returning `any`); the unsafe-*
    // rules would flag every mock without making the assertions any safer.
    files: ['**/*.test.ts', '**/*.int.test.ts', 'src/server/testing/**', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // expect(obj.method).toHaveBeenCalled() passes methods unbound on purpose
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Plain JS config files and scripts: outside tsconfig (allowJs is off), so no type information.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
