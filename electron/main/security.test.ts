import { EventEmitter } from 'node:events';
import { describe, it, expect, vi } from 'vitest';

// The Electron binary cannot run here: these rules are tested against a mocked 'electron'.
vi.mock('electron', () => ({}));

const { onPermissionRequest, onPermissionCheck, lockDownContents, lockDownSession, WEB_PREFERENCES } = await import('./security');

type Details = Parameters<typeof onPermissionRequest>[3];
const wcAt = (url: string) => ({ getURL: () => url }) as unknown as Parameters<typeof onPermissionRequest>[0];

function request(permission: string, url: string, mediaTypes?: string[], pageUrl = url): boolean {
  let granted: boolean | undefined;
  onPermissionRequest(wcAt(pageUrl), permission as never, (g) => (granted = g), { requestingUrl: url, mediaTypes } as unknown as Details);
  return granted!;
}

describe('permission request handler', () => {
  it('grants the camera (video only) to our own origin', () => {
    expect(request('media', 'app://kiosk/index.html', ['video'])).toBe(true);
  });
  it.each([
    ['audio', 'app://kiosk/index.html', ['audio']],
    ['audio with video', 'app://kiosk/index.html', ['video', 'audio']],
    ['no media type', 'app://kiosk/index.html', []],
    ['another origin', 'https://example.test/', ['video']],
    ['a file url', 'file:///tmp/x.html', ['video']],
    ['a look-alike host', 'app://kiosk.evil/', ['video']],
  ])('refuses %s', (_l, url, types) => {
    expect(request('media', url, types)).toBe(false);
  });
  it('refuses video when the page itself is not ours', () => {
    expect(request('media', 'app://kiosk/index.html', ['video'], 'https://example.test/')).toBe(false);
  });
  it.each(['geolocation', 'notifications', 'clipboard-read', 'midi', 'openExternal', 'fullscreen', 'hid', 'serial'])(
    'refuses %s',
    (perm) => expect(request(perm, 'app://kiosk/index.html', ['video'])).toBe(false),
  );
});

describe('permission check handler', () => {
  const check = (perm: string, origin: string, mediaType?: string) =>
    onPermissionCheck(null, perm as never, origin, { mediaType } as never);
  it('answers yes only for video media on our origin', () => {
    expect(check('media', 'app://kiosk', 'video')).toBe(true);
    expect(check('media', 'app://kiosk', 'audio')).toBe(false);
    expect(check('media', 'https://example.test', 'video')).toBe(false);
    expect(check('geolocation', 'app://kiosk')).toBe(false);
  });
});

describe('session lockdown', () => {
  it('installs request, check and device handlers, and the device handler refuses', () => {
    const s = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    lockDownSession(s as never);
    expect(s.setPermissionRequestHandler).toHaveBeenCalledWith(onPermissionRequest);
    expect(s.setPermissionCheckHandler).toHaveBeenCalledWith(onPermissionCheck);
    expect(s.setDevicePermissionHandler.mock.calls[0]![0]()).toBe(false);
  });
});

class FakeContents extends EventEmitter {
  openHandler: (() => { action: string }) | null = null;
  closeDevTools = vi.fn();
  setWindowOpenHandler(h: () => { action: string }) {
    this.openHandler = h;
  }
}
const ev = () => ({ preventDefault: vi.fn() });

describe('web contents lockdown', () => {
  it('denies window.open and navigation away from the app', () => {
    const wc = new FakeContents();
    lockDownContents(wc as never, { dev: false });
    expect(wc.openHandler!()).toEqual({ action: 'deny' });
    const away = ev();
    wc.emit('will-navigate', away, 'https://example.test/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = ev();
    wc.emit('will-navigate', inside, 'app://kiosk/index.html#x');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const redirect = ev();
    wc.emit('will-redirect', redirect, 'http://127.0.0.1:1/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = ev();
    wc.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('keeps DevTools closed outside development', () => {
    const wc = new FakeContents();
    lockDownContents(wc as never, { dev: false });
    wc.emit('devtools-opened');
    expect(wc.closeDevTools).toHaveBeenCalled();
    const f12 = ev();
    wc.emit('before-input-event', f12, { key: 'F12', control: false, meta: false, shift: false });
    expect(f12.preventDefault).toHaveBeenCalled();
    const chord = ev();
    wc.emit('before-input-event', chord, { key: 'I', control: true, meta: false, shift: true });
    expect(chord.preventDefault).toHaveBeenCalled();
  });

  it('allows DevTools in development', () => {
    const wc = new FakeContents();
    lockDownContents(wc as never, { dev: true });
    expect(wc.listenerCount('devtools-opened')).toBe(0);
  });
});

describe('web preferences', () => {
  it('isolates and sandboxes the renderer with no Node', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
  });
});
