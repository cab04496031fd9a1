/**
 * The renderer's build. Used directly (`vite build --config renderer/vite.config.ts`, for the
 * browser shell) and by electron.vite.config.ts for the Electron build, so both ship the same UI.
 */
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { appAssets } from './build/app-assets';

const root = fileURLToPath(new URL('.', import.meta.url));

export const rendererConfig: UserConfig = {
  root,
  base: './',
  // The face model, MediaPipe's and zxing's wasm come from our own origin, never from outside.
  plugins: [react(), appAssets()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // Inline assets would need `data:` in script/style CSP; keep every asset a file.
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
};

export default defineConfig(rendererConfig);
