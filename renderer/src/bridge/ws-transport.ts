/**
 * The browser shell's transport: one WebSocket, call frames matched to result frames by id,
 * reconnecting with back-off when the host restarts. Calls made while disconnected fail at once
 * with `bridge.disconnected` rather than hanging, so the UI can say what happened.
 */
import {
  SECRET_PROTOCOL_PREFIX,
  serverFrameSchema,
  TAMPERED_CLOSE_CODE,
  WIRE_PROTOCOL,
  type Result,
} from '../../../shared/contract/index';
import type { BridgeTransport, ConnectionState as State } from './transport';

const SECRET_KEY = 'kiosk.k';

export function wsTransport(url: string, launchSecret: string, storage?: Storage): BridgeTransport {
  let secret = launchSecret;
  let ws: WebSocket | null = null;
  let nextId = 1;
  let state: State = 'connecting';
  let retry = 0;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const eventListeners = new Set<(name: string, payload: unknown) => void>();
  const stateListeners = new Set<(s: State) => void>();
  let opened: Promise<void>;

  const setState = (s: State) => {
    state = s;
    for (const l of stateListeners) l(s);
  };

  const connect = () => {
    setState('connecting');
    opened = new Promise<void>((resolve) => {
      const sock = new WebSocket(url, [WIRE_PROTOCOL, SECRET_PROTOCOL_PREFIX + secret]);
      ws = sock;
      sock.onopen = () => {
        retry = 0;
        setState('open');
        resolve();
      };
      sock.onmessage = (ev) => {
        let frame;
        try {
          frame = serverFrameSchema.parse(JSON.parse(String(ev.data)));
        } catch {
          return; // the host never sends malformed frames; ignore rather than crash the UI
        }
        if (frame.type === 'session') {
          // The launch secret is spent; reconnects (and a page reload) use this one.
          secret = frame.secret;
          storage?.setItem(SECRET_KEY, secret);
        } else if (frame.type === 'result') {
          pending.get(frame.id)?.(frame.result as Result<unknown>);
          pending.delete(frame.id);
        } else {
          for (const l of eventListeners) l(frame.name, frame.payload);
        }
      };
      sock.onclose = (ev) => {
        for (const [, done] of pending) done({ ok: false, error: { code: 'bridge.disconnected', message: 'closed' } });
        pending.clear();
        resolve();
        if (ev.code === TAMPERED_CLOSE_CODE) {
          // The host revoked every session: nothing to reconnect with until the kiosk restarts
          // (a reload offers the revoked secret and is told the same).
          setState('tampered');
          return;
        }
        setState('closed');
        const delay = Math.min(5000, 250 * 2 ** retry++);
        setTimeout(connect, delay);
      };
    });
  };
  connect();

  return {
    async invoke(channel, payload) {
      if (state === 'connecting') await opened;
      if (state === 'tampered') return { ok: false, error: { code: 'bridge.disconnected', message: 'tampered' } };
      if (!ws || ws.readyState !== WebSocket.OPEN) {
        return { ok: false, error: { code: 'bridge.disconnected', message: 'not connected' } };
      }
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve);
        ws!.send(JSON.stringify({ type: 'call', id, channel, payload }));
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
  };
}

/** Reads the launch secret from the URL fragment once, then removes it from the address. */
export function takeSecret(loc: Location, storage: Storage): string | null {
  const m = /(?:^#|&)k=([0-9a-f]{64})/.exec(loc.hash);
  if (m?.[1]) {
    storage.setItem(SECRET_KEY, m[1]);
    history.replaceState(null, '', loc.pathname + loc.search);
    return m[1];
  }
  return storage.getItem(SECRET_KEY);
}
