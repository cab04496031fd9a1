// Lint rules, most importantly the process boundaries of docs/architecture.md:
//   shared/         std only: no Node, no DOM, no Electron, no React
//   electron/host/  Node only: never 'electron', never the renderer
//   electron/main, electron/preload, electron/browser: shells, never the renderer
//   renderer/       DOM only: never electron/, never Node built-ins
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodePackages = ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'nfc-pcsc', '@pokusew/pcsclite', 'ws', 'tsx'];

const restrict = (paths, patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message: 'This import crosses a process boundary (see electron/README.md).' })),
      patterns: patterns.map((p) => ({ group: p.group, message: p.message })),
    },
  ],
});

const electronDir = { group: ['**/electron/**', '../electron/*', '../../electron/*'], message: 'The renderer and shared/ never import from electron/: use the contract.' };
const rendererDir = { group: ['**/renderer/**'], message: 'Only the renderer imports renderer code.' };

export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', 'out/', 'dist/', '.tsbuild/', 'resources/', 'test-results/', 'playwright-report/', 'tests/lint/fixtures/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      ...restrict(['electron', 'react', 'react-dom', ...nodeBuiltins, ...nodePackages], [electronDir, rendererDir]),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict(['electron', 'react', 'react-dom'], [rendererDir]),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'electron/browser/**/*.ts'],
    rules: restrict(['react', 'react-dom'], [rendererDir]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', 'renderer/build/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(['electron', ...nodeBuiltins, ...nodePackages], [electronDir]),
    },
  },
);
