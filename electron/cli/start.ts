/**
 * `npm start`: Electron when its binary is installed, otherwise the browser shell (system
 * Chromium against the loopback host), saying so in one line. `--demo` simulates the devices.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBrowserShell } from '../browser/main';
import { ConfigError, loadConfig } from '../host/config';
import { probePcsc } from '../host/doctor/pcsc-probe';
import { packageVersion } from '../host/host';
import { createLogger } from '../host/log';
import { ensureRendererBuilt } from './build-renderer';
import { electronBinary } from './electron-binary';

const root = fileURLToPath(new URL('../..', import.meta.url));

function hasDisplay(): boolean {
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
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
      'auto-demo': { type: 'boolean', default: false },
    },
  });
  let demo = values.demo || process.env.KIOSK_DEMO === '1';
  if (!demo && values['auto-demo']) {
    const pcsc = await probePcsc();
    if (!pcsc.reachable || pcsc.readers.length === 0) {
      console.log('No card reader found (pcscd: ' + (pcsc.reachable ? 'no reader' : 'not running') + '): starting in demo / training mode with the virtual card.');
      demo = true;
    }
  }
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  if (process.getuid?.() === 0 && !demo) {
    console.warn('Warning: running as root. Chromium then runs without its sandbox; run the kiosk as an ordinary user (setup alone needs root).');
  }
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
