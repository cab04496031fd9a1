/**
 * How the renderer reaches the host: Electron's preload exposes `window.kiosk`; in the browser
 * shell a WebSocket to the loopback host carries the same calls. Both look the same to the app.
 */
import type { Result } from '../../../shared/contract/index';

/** 'tampered': the host shut the bridge because a launch secret was used twice; restart needed. */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'tampered';

export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  /** Subscribes to every host event; returns an unsubscribe function. */
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  /** Connection state for the status bar; Electron's bridge is always 'open'. */
  onState?(listener: (state: ConnectionState) => void): () => void;
}

export interface PreloadApi {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    kiosk?: PreloadApi;
  }
}

export function electronTransport(api: PreloadApi): BridgeTransport {
  return { invoke: (c, p) => api.invoke(c, p), onEvent: (l) => api.onEvent(l) };
}
