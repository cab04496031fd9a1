/**
 * Electron build: main (ESM), preload (CommonJS, as sandboxed preloads require) and the renderer
 * (the same config the browser shell builds with).
 */
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { rendererConfig } from './renderer/vite.config';

// Absolute entries: a bare 'electron/...' path would be taken for the 'electron' package.
const at = (p: string) => resolve(import.meta.dirname, p);

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // build-thread: the packet builds' worker thread (electron/host/sync/packet/build-pool.ts), loaded beside index.js.
      rollupOptions: { input: { index: at('electron/main/index.ts'), 'build-thread': at('electron/host/sync/packet/build-thread.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: at('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: { ...rendererConfig.build, rollupOptions: { input: at('renderer/index.html') } },
  },
});
