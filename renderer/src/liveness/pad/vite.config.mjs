// Builds the PAD evaluation page (used by `npm run pad:eval` and tests/e2e/portrait).
import { fileURLToPath } from 'node:url';
import { faceAssets } from '../vite-assets.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

export default {
  root: here,
  base: '/',
  logLevel: 'warn',
  plugins: [faceAssets()],
  build: { outDir: fileURLToPath(new URL('../../../../.cache/pad-build', import.meta.url)), emptyOutDir: true, target: 'es2022', sourcemap: false },
};
