import { describe, it, expect, vi } from 'vitest';
import { EventHub } from '../host/events';
import { createDispatcher, type HandlerTable } from '../host/bridge/dispatch';
import { silentLogger } from '../host/log';
import type { Host } from '../host/host';
import type { DeviceStatus } from '../../shared/contract/index';
import { isAppUrl } from './origin';

vi.mock('electron', () => ({}));
const { registerBridge, isTrustedFrame, INVOKE_CHANNEL, EVENT_CHANNEL } = await import('./ipc');

function fakeHost() {
  const ping = vi.fn(({ nonce }: { nonce: string }) => ({ nonce, hostTime: new Date().toISOString() }));
  const handlers = { 'system.ping': ping, 'system.info': vi.fn(), 'device.status': vi.fn() } as unknown as HandlerTable;
  const hub = new EventHub(silentLogger);
  const dispatch = createDispatcher({
    handlers,
    isTrustedSender: (ctx) => ctx.shell === 'electron' && isAppUrl(ctx.senderUrl),
    log: silentLogger,
  });
  return { host: { dispatch, hub } as unknown as Host, ping, hub };
}

function fakeIpc() {
  const handlers = new Map<string, (...a: unknown[]) => unknown>();
  return {
    handle: (ch: string, h: (...a: unknown[]) => unknown) => handlers.set(ch, h),
    removeHandler: (ch: string) => handlers.delete(ch),
    invoke: (ch: string, ...a: unknown[]) => handlers.get(ch)!(...a),
    handlers,
  };
}

function contents(url: string) {
  const mainFrame = { url };
  return { mainFrame, send: vi.fn(), isDestroyed: () => false };
}

describe('Electron bridge', () => {
  it('runs a call from our window top frame', async () => {
    const { host, ping } = fakeHost();
    const ipc = fakeIpc();
    const wc = contents('app://kiosk/index.html');
    registerBridge(ipc as never, host, () => wc as never);
    const r = await ipc.invoke(INVOKE_CHANNEL, { sender: wc, senderFrame: wc.mainFrame }, 'system.ping', { nonce: 'n' });
    expect(r).toMatchObject({ ok: true, value: { nonce: 'n' } });
    expect(ping).toHaveBeenCalledOnce();
  });

  it('refuses a subframe, another webContents or a foreign origin before the handler runs', async () => {
    const { host, ping } = fakeHost();
    const ipc = fakeIpc();
    const wc = contents('app://kiosk/index.html');
    registerBridge(ipc as never, host, () => wc as never);
    const other = contents('app://kiosk/index.html');
    const foreign = contents('https://example.test/');
    const cases = [
      { sender: wc, senderFrame: { url: 'app://kiosk/frame.html' } },
      { sender: other, senderFrame: other.mainFrame },
      { sender: foreign, senderFrame: foreign.mainFrame },
      { sender: wc, senderFrame: null },
    ];
    for (const event of cases) {
      const r = await ipc.invoke(INVOKE_CHANNEL, event, 'system.ping', { nonce: 'n' });
      expect(r).toMatchObject({ ok: false, error: { code: 'bridge.forbidden_sender' } });
    }
    expect(ping).not.toHaveBeenCalled();
  });

  it('refuses unknown channels and malformed payloads with typed errors', async () => {
    const { host, ping } = fakeHost();
    const ipc = fakeIpc();
    const wc = contents('app://kiosk/index.html');
    registerBridge(ipc as never, host, () => wc as never);
    const ev = { sender: wc, senderFrame: wc.mainFrame };
    expect(await ipc.invoke(INVOKE_CHANNEL, ev, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'bridge.unknown_channel' } });
    expect(await ipc.invoke(INVOKE_CHANNEL, ev, 'system.ping', { nonce: 7 })).toMatchObject({ ok: false, error: { code: 'bridge.invalid_payload' } });
    expect(ping).not.toHaveBeenCalled();
  });

  it('forwards host events to the window and stops on unregister', () => {
    const { host, hub } = fakeHost();
    const ipc = fakeIpc();
    const wc = contents('app://kiosk/index.html');
    const off = registerBridge(ipc as never, host, () => wc as never);
    const status: DeviceStatus = { cardService: 'simulated', readers: [], activeReader: null, camera: { allowedDeviceLabel: null }, updatedAt: new Date().toISOString() };
    hub.emit('device.changed', status);
    expect(wc.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'device.changed', status);
    off();
    expect(ipc.handlers.has(INVOKE_CHANNEL)).toBe(false);
    hub.emit('device.changed', status);
    expect(wc.send).toHaveBeenCalledTimes(1);
  });

  it('isTrustedFrame needs a live window', () => {
    expect(isTrustedFrame({ sender: {}, senderFrame: {} } as never, () => null)).toBe(false);
  });
});
