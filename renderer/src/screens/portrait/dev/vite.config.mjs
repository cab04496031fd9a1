// Builds the PortraitStep harness page (tests/e2e/portrait).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { appAssets } from '../../../../build/app-assets.ts';

export default {
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  plugins: [react(), appAssets()],
  build: { outDir: fileURLToPath(new URL('../../../../../.cache/portrait-build', import.meta.url)), emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0 },
};
