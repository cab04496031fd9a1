/**
 * The Electron shell: thin. Single instance, locked-down session and window, the app:// origin,
 * and the same host and handler table as the browser shell.
 */
import { app, ipcMain, powerMonitor, safeStorage, session, type BrowserWindow, type WebContents } from 'electron';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../host/config';
import { createHost, type Host } from '../host/host';
import { createLogger } from '../host/log';
import { registerBridge, isTrustedFrame } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { lockDownSession } from './security';
import { createKioskWindow } from './window';
import { isAppUrl } from './origin';
import { keystoreBackend, safeStorageSealer } from './key-sealer';
import { lockOnSuspendAndScreenLock } from './power-lock';

const dev = !app.isPackaged && process.env.KIOSK_DEV === '1';
const demo = process.argv.includes('--demo') || process.env.KIOSK_DEMO === '1';
const log = createLogger();

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let host: Host | null = null;
  const contents = (): WebContents | null => (win && !win.isDestroyed() ? win.webContents : null);

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.on('web-contents-created', (_e, wc) => {
    wc.setWindowOpenHandler(() => ({ action: 'deny' }));
    wc.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    const config = loadConfig(process.env, { demo });
    lockDownSession(session.defaultSession);
    serveRenderer(fileURLToPath(new URL('../renderer', import.meta.url)));
    // After ready: before it, Linux cannot name its keystore. No sealer means the station passphrase.
    log.info('store.keystore', keystoreBackend(safeStorage, process.platform));
    host = await createHost({
      appVersion: app.getVersion(),
      config,
      mode: demo ? 'demo' : 'live',
      shell: 'electron',
      log,
      isTrustedSender: (ctx) => ctx.shell === 'electron' && isAppUrl(ctx.senderUrl),
      sealer: safeStorageSealer(safeStorage),
      preloadFaceModel: true,
    });
    lockOnSuspendAndScreenLock(powerMonitor, host);
    registerBridge(ipcMain, host, contents);
    win = createKioskWindow({ kiosk: config.kiosk, dev });
    win.on('closed', () => (win = null));
  });

  app.on('window-all-closed', () => {
    void host?.close().finally(() => app.quit());
  });
}

export { isTrustedFrame };
