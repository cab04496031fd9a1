import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../bridge/dispatch';
import type { Host } from '../host';
import { issueCertificate } from '../sim/test-pki/certificate';
import { generateKey } from '../sim/test-pki/keys';
import { demoHost } from '../test-host';

const ctx: CallContext = { shell: 'test', senderUrl: 'test://' };
let host: Host;

beforeAll(async () => {
  host = await demoHost('kiosk-trust-handlers-');
});
afterAll(async () => {
  await host.close();
});

describe('trust.list', () => {
  it('lists a certificate whose subject is over 500 characters, shortened, beside the others', async () => {
    const year = 365 * 24 * 3600 * 1000;
    const long = issueCertificate({
      subject: { C: 'VN', O: 'Test PKI (synthetic)', CN: 'CSCA '.repeat(130) },
      key: generateKey('ec-p256'),
      notBefore: new Date(Date.now() - year),
      notAfter: new Date(Date.now() + year),
      serial: 7,
      ca: true,
    });
    expect(host.context.trust.anchors.add(long.der, 'test')).toBe(true);
    const r = await host.dispatch('trust.list', undefined, ctx);
    expect(r.ok).toBe(true);
    const anchors = (r as { value: { anchors: Array<{ subject: string; issuer: string }> } }).value.anchors;
    expect(anchors).toHaveLength(2); // the demo CSCA and the long one
    const shown = anchors.find((a) => a.subject.includes('CSCA CSCA'));
    expect(shown?.subject).toHaveLength(500);
    expect(shown?.subject.endsWith('…')).toBe(true);
    expect(shown?.issuer).toHaveLength(500);
  });
});

describe('trust changes over the bridge', () => {
  it.each(['trust.import', 'trust.importRoot', 'trust.remove'])('%s is not a call: the host refuses it as an unknown channel', async (channel) => {
    const r = await host.dispatch(channel, { fileName: 'csca.pem', dataBase64: 'AAAA', sha256: '0'.repeat(64) }, ctx);
    expect(r).toEqual({ ok: false, error: { code: 'bridge.unknown_channel', message: expect.any(String) } });
    expect(host.context.trust.list().anchors.length).toBeGreaterThan(0); // the demo CSCA is still there
  });
});
