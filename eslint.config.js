// Lint: type-aware rules, and the layer rules of DESIGN.md enforced as import restrictions.
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', {
      patterns: forbidden.map((group) => ({ group: [group], message })),
    }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', '.keel-data/', 'tmp/', 'bench/out/', 'eslint.config.js'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['bin/*.js', 'web/vite.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/await-thenable': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  { files: ['web/vite.config.ts', 'vitest.config.ts'], rules: { 'no-restricted-syntax': 'off' } },
  layer(['src/domain/**/*.ts'],
    ['**/store/**', '**/services/**', '**/http/**', '**/cli/**', '**/importers/**', '**/contracts/**', 'node:fs*', 'pg', '@electric-sql/*', 'fastify*'],
    'domain/ is pure: no I/O and no imports from other layers (DESIGN.md).'),
  layer(['src/store/**/*.ts'], ['**/services/**', '**/http/**', '**/cli/**', '**/importers/**', '**/contracts/**'],
    'store/ imports only domain/ (DESIGN.md).'),
  layer(['src/importers/**/*.ts'], ['**/store/**', '**/services/**', '**/http/**', '**/cli/**', 'pg', '@electric-sql/*', 'fastify*'],
    'importers/ are pure parsers: no database, no HTTP (DESIGN.md).'),
  layer(['src/services/**/*.ts'], ['**/http/**', '**/cli/**', 'fastify*'],
    'services/ never import an edge (DESIGN.md).'),
  layer(['src/http/**/*.ts'], ['**/store/**', '**/cli/**', '**/importers/**'],
    'http/ calls services/ and uses contracts/; never store/ or cli/ (DESIGN.md).'),
  layer(['src/cli/**/*.ts'], ['**/store/**', '**/http/**', '**/importers/**'],
    'cli/ calls services/ (via composition) and uses contracts/; never store/ or http/ (DESIGN.md).'),
  layer(['src/contracts/**/*.ts'], ['**/store/**', '**/services/**', '**/http/**', '**/cli/**', '**/domain/**'],
    'contracts/ are Zod schemas only: web/ imports them.'),
  layer(['web/src/**/*.ts', 'web/src/**/*.tsx'], ['**/src/domain/**', '**/src/store/**', '**/src/services/**', '**/src/http/**', '**/src/cli/**', '**/src/importers/**', 'node:*'],
    'web/ imports only contracts/ from the server side (DESIGN.md).'),
);
