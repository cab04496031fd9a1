/**
 * Vite plugin (build tooling, runs in Node): files the renderer loads at run time from its own
 * origin, never from a CDN — MediaPipe's wasm runtime, the face model installed by setup, and
 * zxing-wasm's QR reader. Served by the dev server and copied into every build.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(projectRoot, 'package.json'));
const MEDIAPIPE_WASM = ['vision_wasm_internal.js', 'vision_wasm_internal.wasm', 'vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm'];
const MIME: Record<string, string> = { js: 'text/javascript', wasm: 'application/wasm', task: 'application/octet-stream' };

/** URL path in the app → file on disk. */
export function appAssetFiles(): Map<string, string> {
  // The package's exports map hides package.json; its wasm folder sits in node_modules as shipped.
  const mediapipe = join(projectRoot, 'node_modules/@mediapipe/tasks-vision/wasm');
  return new Map<string, string>([
    ...MEDIAPIPE_WASM.map((f): [string, string] => [`mediapipe/wasm/${f}`, join(mediapipe, f)]),
    ['models/face_landmarker.task', join(projectRoot, 'resources/models/face_landmarker.task')],
    ['zxing/zxing_reader.wasm', require.resolve('zxing-wasm/reader/zxing_reader.wasm')],
  ]);
}

export function appAssets(): Plugin {
  const files = appAssetFiles();
  return {
    name: 'eid-app-assets',
    // A module worker loads the ES-module build of MediaPipe's wasm loader (it cannot importScripts).
    config: () => ({ worker: { format: 'es' }, optimizeDeps: { exclude: ['@mediapipe/tasks-vision'] } }),
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]?.replace(/^\//, '') ?? '';
        const file = files.get(path);
        if (!file) return next();
        readFile(file)
          .then((body) => {
            res.setHeader('Content-Type', MIME[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(body);
          })
          .catch(() => {
            res.statusCode = 404;
            res.end(`missing ${path}: run scripts/setup.sh`);
          });
      });
    },
    async generateBundle() {
      for (const [fileName, file] of files) this.emitFile({ type: 'asset', fileName, source: await readFile(file) });
    },
  };
}
