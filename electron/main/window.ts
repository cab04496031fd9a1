import { BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { lockDownContents, WEB_PREFERENCES } from './security';
import { APP_ENTRY } from './origin';

export function createKioskWindow(opts: { kiosk: boolean; dev: boolean }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    kiosk: opts.kiosk,
    fullscreen: opts.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#f4f6f8',
    title: 'Định danh điện tử mức 2',
    webPreferences: {
      ...WEB_PREFERENCES,
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      devTools: opts.dev,
    },
  });
  lockDownContents(win.webContents, { dev: opts.dev });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
