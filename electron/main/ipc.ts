/**
 * The Electron bridge: one ipcMain handler feeding the host's dispatcher, and host events
 * forwarded to the window. The sender frame must be our window's top frame on our origin.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Host } from '../host/host';
import { isAppUrl } from './origin';

export const INVOKE_CHANNEL = 'kiosk:invoke';
export const EVENT_CHANNEL = 'kiosk:event';

export function isTrustedFrame(event: IpcMainInvokeEvent, window: () => WebContents | null): boolean {
  const contents = window();
  const frame = event.senderFrame;
  if (!contents || !frame || event.sender !== contents) return false;
  return frame === contents.mainFrame && isAppUrl(frame.url);
}

export function registerBridge(ipcMain: IpcMain, host: Host, window: () => WebContents | null): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, payload: unknown) =>
    host.dispatch(channel, payload, {
      shell: 'electron',
      senderUrl: isTrustedFrame(event, window) ? (event.senderFrame?.url ?? '') : '',
    }),
  );
  const unsubscribe = host.hub.subscribe((name, payload) => {
    const contents = window();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
