// Builds the PAD evaluation page (used by `npm run pad:eval` and tests/e2e/portrait).
import { fileURLToPath } from 'node:url';
import { appAssets } from '../../../build/app-assets.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

export default {
  root: here,
  base: '/',
  logLevel: 'warn',
  plugins: [appAssets()],
  build: { outDir: fileURLToPath(new URL('../../../../.cache/pad-build', import.meta.url)), emptyOutDir: true, target: 'es2022', sourcemap: false },
};
