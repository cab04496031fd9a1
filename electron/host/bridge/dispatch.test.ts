import { describe, it, expect, vi } from 'vitest';
import { createDispatcher, type CallContext, type HandlerTable } from './dispatch';
import { HostError } from './host-error';
import { silentLogger } from '../log';

const ctx: CallContext = { shell: 'test', senderUrl: 'app://kiosk/index.html' };

function setup(overrides: Partial<HandlerTable> = {}, trusted = true) {
  const handlers = {
    'system.info': vi.fn(),
    'system.ping': vi.fn(({ nonce }: { nonce: string }) => ({ nonce, hostTime: new Date().toISOString() })),
    'device.status': vi.fn(),
    ...overrides,
  } as unknown as HandlerTable;
  const dispatch = createDispatcher({ handlers, isTrustedSender: () => trusted, log: silentLogger });
  return { dispatch, handlers };
}

describe('bridge dispatcher', () => {
  it('runs a valid call and returns its value', async () => {
    const { dispatch } = setup();
    const r = await dispatch('system.ping', { nonce: 'abc' }, ctx);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ nonce: 'abc' });
  });

  it('refuses an unknown channel without running any handler', async () => {
    const { dispatch, handlers } = setup();
    const r = await dispatch('system.shutdown', {}, ctx);
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'bridge.unknown_channel' }) });
    for (const h of Object.values(handlers)) expect(h).not.toHaveBeenCalled();
  });

  it.each([
    ['a non-string channel', 42],
    ['a prototype key', '__proto__'],
    ['toString', 'toString'],
  ])('refuses %s as channel', async (_label, channel) => {
    const { dispatch } = setup();
    const r = await dispatch(channel, {}, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('bridge.unknown_channel');
  });

  it.each([
    ['missing field', {}],
    ['wrong type', { nonce: 5 }],
    ['extra field', { nonce: 'a', admin: true }],
    ['too long', { nonce: 'x'.repeat(65) }],
    ['not an object', 'ping'],
  ])('refuses a malformed payload (%s) before the handler runs', async (_label, payload) => {
    const { dispatch, handlers } = setup();
    const r = await dispatch('system.ping', payload, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('bridge.invalid_payload');
    expect(handlers['system.ping']).not.toHaveBeenCalled();
  });

  it('does not echo rejected values in the error message (they may be personal data)', async () => {
    const { dispatch } = setup();
    const r = await dispatch('system.ping', { nonce: 123456789012 }, ctx);
    expect(JSON.stringify(r)).not.toContain('123456789012');
  });

  it('refuses an untrusted sender before looking at the payload', async () => {
    const { dispatch, handlers } = setup({}, false);
    const r = await dispatch('system.ping', { nonce: 'a' }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('bridge.forbidden_sender');
    expect(handlers['system.ping']).not.toHaveBeenCalled();
  });

  it('turns a result outside the contract into bridge.invalid_result', async () => {
    const { dispatch } = setup({ 'system.ping': () => ({ nonce: 1 }) as never });
    const r = await dispatch('system.ping', { nonce: 'a' }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('bridge.invalid_result');
  });

  it('maps an undeclared HostError code and any other throw to internal', async () => {
    const { dispatch } = setup({
      'system.ping': () => {
        throw new HostError('card.removed', 'not declared for ping');
      },
      'device.status': () => {
        throw new TypeError('boom');
      },
    });
    for (const [ch, p] of [['system.ping', { nonce: 'a' }], ['device.status', undefined]] as const) {
      const r = await dispatch(ch, p, ctx);
      expect(r).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    }
  });
});
