// @ts-check
import eslint from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/**', 'node_modules/**', 'coverage/**', 'workspace/**', 'data/**', '.tmp/**']),
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // A forgotten await loses errors and ordering; `void` marks the deliberate fire-and-forget.
      '@typescript-eslint/no-floating-promises': 'error',
      // Nest modules are classes with only a decorator (`@Module({...}) class X {}`).
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Interface methods implemented without awaiting (Nest lifecycle hooks, abstract queue methods) return promises.
      '@typescript-eslint/require-await': 'off',
      // Fastify's reply/request methods and Nest's handlers are fine to pass around unbound.
      '@typescript-eslint/unbound-method': 'off',
      // Escaping and rejecting control characters (Dart strings, file paths, .env values) is deliberate.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests read untyped JSON bodies and poke at internals; the unsafe-* rules only add noise there.
    files: ['test/**/*.ts', 'src/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Plain JS files (scripts run by Node) are not in the TypeScript project.
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      // The Node globals these scripts use (the `globals` package is not a dependency).
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'Buffer',
          'URL',
          'fetch',
          'AbortController',
          'performance',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'setImmediate',
          'structuredClone',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
);
