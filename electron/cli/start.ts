/**
 * `npm start`: Electron when its binary is installed, otherwise the browser shell (system
 * Chromium against the loopback host), saying so in one line. `--demo` simulates the devices.
 * A live start never turns itself into demo mode: with no reader it says so and waits for one.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBrowserShell } from '../browser/main';
import { ConfigError, loadConfig } from '../host/config';
import { probePcsc } from '../host/doctor/pcsc-probe';
import { packageVersion } from '../host/host';
import { createLogger } from '../host/log';
import { ensureRendererBuilt } from './build-renderer';
import { electronBinary } from './electron-binary';
import { noReaderMessage, ROOT_DEMO_WARNING, ROOT_REFUSED, rootVerdict } from './start-policy';

const root = fileURLToPath(new URL('../..', import.meta.url));

function hasDisplay(): boolean {
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** A technician who opens the demo folder sees at once that nothing in it is real. */
function labelDemoFolder(dir: string): void {
  const label = join(dir, 'DEMO-TRAINING-DATA-ONLY.txt');
  if (!existsSync(label)) {
    writeFileSync(
      label,
      'Dữ liệu của chế độ DEMO / ĐÀO TẠO: thiết bị và công dân đều là mô phỏng, không phải hồ sơ thật.\n' +
        'Data of the DEMO / TRAINING mode: simulated devices and citizens, no real dossier.\n',
      { mode: 0o600 },
    );
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      shell: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      port: { type: 'string' },
      'url-file': { type: 'string' },
      'fake-camera': { type: 'string' },
      'allow-root': { type: 'boolean', default: false },
    },
  });
  const demo = values.demo || process.env.KIOSK_DEMO === '1';
  const asRoot = rootVerdict({ uid: process.getuid?.(), demo, allowRoot: values['allow-root'] || process.env.KIOSK_ALLOW_ROOT === '1' });
  if (asRoot === 'refuse') {
    console.error(ROOT_REFUSED);
    process.exit(2);
  }
  if (asRoot === 'warn') console.warn(ROOT_DEMO_WARNING);
  if (!demo) {
    const missing = noReaderMessage(await probePcsc());
    if (missing) console.log(missing);
  }
  let config;
  try {
    config = loadConfig(process.env, { demo });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  if (demo) labelDemoFolder(config.dataDir);
  const electron = values.shell === 'browser' ? null : electronBinary();
  if (electron && existsSync(`${root}/out/main/index.js`)) {
    console.log('Starting the Electron shell.');
    const child = spawn(electron, [root, ...(demo ? ['--demo'] : [])], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  console.log(
    values.shell === 'browser'
      ? 'Starting the browser shell (system Chromium) as asked.'
      : 'Electron binary not installed: starting the browser shell (system Chromium) instead.',
  );
  await ensureRendererBuilt(root);
  const shell = await runBrowserShell({
    appVersion: packageVersion(root),
    config,
    demo,
    log: createLogger(),
    rendererDir: `${root}/out/renderer`,
    open: !values['no-open'] && hasDisplay(),
    port: values.port ? Number(values.port) : undefined,
    urlFile: values['url-file'],
    fakeCameraFile: values['fake-camera'],
  });
  if (demo) console.log('Demo / training mode: simulated devices.');
  if (!values['no-open'] && !hasDisplay()) {
    console.log(`No graphical display here (DISPLAY is not set). Open this address in Chromium on this machine:\n  ${shell.server.appUrl}`);
  }
  const stop = () => void shell.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  shell.chromium?.on('exit', stop);
}

void main();
