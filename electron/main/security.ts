/**
 * The Electron shell's lockdown rules, written as plain functions over Electron's objects so they
 * are unit-tested against a mocked 'electron' module.
 * - only the camera (video, no audio) may be granted, and only to our own origin;
 * - no navigation away from the app, no new windows, no webviews;
 * - DevTools only in development.
 */
import type { Session, WebContents, PermissionCheckHandlerHandlerDetails } from 'electron';
import { isAppUrl } from './origin';

type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
type PermissionRequestHandlerHandlerDetails = Parameters<NonNullable<PermissionRequestHandler>>[3];

function videoOnly(details: PermissionRequestHandlerHandlerDetails): boolean {
  const types = (details as { mediaTypes?: string[] }).mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'video');
}

export const onPermissionRequest: NonNullable<PermissionRequestHandler> = (wc, permission, callback, details) => {
  const fromApp = isAppUrl(details.requestingUrl) && isAppUrl(wc.getURL());
  callback(permission === 'media' && fromApp && videoOnly(details));
};

export const onPermissionCheck: NonNullable<PermissionCheckHandler> = (
  _wc,
  permission,
  requestingOrigin,
  details: PermissionCheckHandlerHandlerDetails,
) => {
  if (permission !== 'media') return false;
  const type = (details as { mediaType?: string }).mediaType;
  return isAppUrl(requestingOrigin) && (type === undefined || type === 'video');
};

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler(onPermissionRequest);
  session.setPermissionCheckHandler(onPermissionCheck);
  // Device pickers (HID, serial, USB, Bluetooth) are never offered to the renderer.
  session.setDevicePermissionHandler(() => false);
}

export function lockDownContents(contents: WebContents, opts: { dev: boolean }): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (!opts.dev) {
    contents.on('devtools-opened', () => contents.closeDevTools());
    contents.on('before-input-event', (event, input) => {
      const key = input.key.toLowerCase();
      const devtoolsChord = (input.control || input.meta) && input.shift && (key === 'i' || key === 'j' || key === 'c');
      if (key === 'f12' || devtoolsChord) event.preventDefault();
    });
  }
}

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
} as const;
