/**
 * Vite plugin (build tooling, runs in Node): ships zxing-wasm's reader wasm inside the app at
 * /zxing/zxing_reader.wasm. The library would otherwise fetch it from a public CDN; the CSP and
 * the kiosk's privacy rule allow no request but to our own origin.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

export const ZXING_WASM_PATH = 'zxing/zxing_reader.wasm';

function wasmFile(): string {
  return createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
}

export function zxingAssets(): Plugin {
  return {
    name: 'eid-zxing-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url !== `/${ZXING_WASM_PATH}`) return next();
        void readFile(wasmFile()).then((b) => {
          res.setHeader('Content-Type', 'application/wasm');
          res.end(b);
        });
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: ZXING_WASM_PATH, source: await readFile(wasmFile()) });
    },
  };
}
