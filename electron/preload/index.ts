/**
 * The only thing the renderer sees of Electron: `window.kiosk.invoke(channel, payload)` and
 * `window.kiosk.onEvent(listener)`. No ipcRenderer, no Node. The host validates every call.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const INVOKE_CHANNEL = 'kiosk:invoke';
const EVENT_CHANNEL = 'kiosk:event';

contextBridge.exposeInMainWorld('kiosk', {
  invoke: (channel: unknown, payload: unknown) =>
    typeof channel === 'string'
      ? ipcRenderer.invoke(INVOKE_CHANNEL, channel, payload)
      : Promise.resolve({ ok: false, error: { code: 'bridge.unknown_channel', message: 'channel must be a string' } }),
  onEvent: (listener: (name: string, payload: unknown) => void) => {
    if (typeof listener !== 'function') return () => {};
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
});
