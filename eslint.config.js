// Lint rules: typescript-eslint's type-aware recommended set, plus the import boundary of design rule 2
// (only src/egress/ may open outbound connections). Test fixtures are inputs (the scanner reads other people's
// code there), not our code, so they are not linted.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.airlock/**', 'coverage/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/egress/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'undici', message: 'Outbound HTTP goes through src/egress/ only.', allowTypeImports: true },
          { name: 'node:net', message: 'Outbound sockets go through src/egress/ only.', allowTypeImports: true },
          { name: 'node:tls', message: 'Outbound sockets go through src/egress/ only.', allowTypeImports: true },
          { name: 'node:https', message: 'Outbound HTTP goes through src/egress/ only.', allowTypeImports: true },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Outbound HTTP goes through src/egress/ only.' }],
    },
  },
  {
    // node:test's describe/it return promises the runner tracks itself.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js'], languageOptions: { globals: { URL: 'readonly', process: 'readonly', console: 'readonly' } } },
);
