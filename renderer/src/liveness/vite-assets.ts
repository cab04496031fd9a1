// Vite plugin: serves the MediaPipe wasm runtime and the face model from the app's own origin
// (dev server) and copies them into the build, at /mediapipe/wasm/* and /models/face_landmarker.task.
//
// This file runs in Node inside Vite, never in the renderer bundle. It lives beside the liveness
// code that needs these assets; Node's fs is reached through a dynamic import of a variable
// specifier so the renderer's type program (DOM libs, no Node types) and its import boundary
// stay as they are.

interface NodeFs {
  readFile(path: string): Promise<Uint8Array>;
}
interface Req {
  url?: string;
}
interface Res {
  statusCode: number;
  setHeader(name: string, value: string): void;
  end(body?: Uint8Array | string): void;
}
interface DevServer {
  middlewares: { use(fn: (req: Req, res: Res, next: () => void) => void): void };
}
interface EmitContext {
  emitFile(file: { type: 'asset'; fileName: string; source: Uint8Array }): string;
}
export interface FaceAssetsPlugin {
  name: string;
  config(): { worker: { format: 'es' }; optimizeDeps: { exclude: string[] } };
  configureServer(server: DevServer): void;
  generateBundle(this: EmitContext): Promise<void>;
}

const WASM_FILES = ['vision_wasm_internal.js', 'vision_wasm_internal.wasm', 'vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm'];
const MIME: Record<string, string> = { js: 'text/javascript', wasm: 'application/wasm', task: 'application/octet-stream' };

/** `projectRoot`: the folder holding node_modules/ and resources/ (default: three levels up from here). */
export function faceAssets(projectRoot?: string): FaceAssetsPlugin {
  const root = new URL(projectRoot ? `file://${projectRoot.replace(/\/?$/, '/')}` : '../../../', import.meta.url);
  const files = new Map<string, URL>([
    ...WASM_FILES.map((f): [string, URL] => [`mediapipe/wasm/${f}`, new URL(`node_modules/@mediapipe/tasks-vision/wasm/${f}`, root)]),
    ['models/face_landmarker.task', new URL('resources/models/face_landmarker.task', root)],
  ]);
  const fsName = 'node:fs/promises';
  const fs = (): Promise<NodeFs> => import(/* @vite-ignore */ fsName) as Promise<NodeFs>;
  return {
    name: 'eid-face-assets',
    // A module worker loads the ES-module build of the wasm loader (it cannot importScripts).
    config: () => ({ worker: { format: 'es' }, optimizeDeps: { exclude: ['@mediapipe/tasks-vision'] } }),
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]?.replace(/^\//, '') ?? '';
        const file = files.get(path);
        if (!file) return next();
        fs()
          .then((f) => f.readFile(file.pathname))
          .then((body) => {
            res.setHeader('Content-Type', MIME[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(body);
          })
          .catch(() => {
            res.statusCode = 404;
            res.end(`missing ${path}: run npm run setup`);
          });
      });
    },
    async generateBundle() {
      const f = await fs();
      for (const [fileName, file] of files) this.emitFile({ type: 'asset', fileName, source: await f.readFile(file.pathname) });
    },
  };
}
