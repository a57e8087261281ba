// @ts-check
// ESLint (typescript-eslint, type-aware) for apps/, libs/, test/, scripts/, bench/ and the typed
// client: `npm run lint` (with Prettier's check), in CI. A rule turned off or loosened says why.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.data/', 'clients/typescript/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore names what is there on purpose and unused: a destructured property left
      // out of a copy (`const { secret: _secret, ...rest } = ...`), a parameter an interface imposes.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Ports and projections declare `async` methods so every implementation answers a promise and
      // a throw becomes a rejection, also where this implementation has nothing to await.
      '@typescript-eslint/require-await': 'off',
      // A literal beside `string` documents a value with a meaning of its own (erasure scope
      // 'citizen' | an agency code), though the union is `string` to the compiler.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // A caught error is passed on as it came (its type is `unknown`), not wrapped.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // Flags a value given before a try or a branch that every path then overwrites; the code keeps
      // such a default so that a path added later cannot leave the variable unset.
      'no-useless-assignment': 'off',
      // The API and the worker log through pino (structured, redacted); a stray console line bypasses it.
      'no-console': 'error',
      // A variable that a closure reads before its one assignment cannot be const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Command-line programs: their output is the console.
    files: ['apps/cli/**', 'scripts/**', 'bench/**', 'test/support/run-tests.js', 'docker/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests read HTTP answers and database rows as parsed JSON (`any`) and assert on them; typing
    // every answer in a test would repeat the DTOs without checking more than the assertions do.
    files: ['test/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/testing/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Messages of failed assertions print whatever came back, objects and arrays included.
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      // Fixtures hand out their `close` and `query` functions by destructuring; none uses `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // JavaScript and build configurations (vite.config.mts) are checked without types: no tsconfig covers them.
    files: ['**/*.js', '**/*.mjs', '**/*.mts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The scripts, benchmarks and test runners are plain CommonJS, run by Node as they are.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
