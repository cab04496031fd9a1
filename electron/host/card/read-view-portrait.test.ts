import { describe, expect, it } from 'vitest';
import { readView } from './read-view';
import { readCard } from './read-card';
import { TrustStore } from './icao/auth/trust-store';
import { MemoryReaderWatcher } from './transport/memory-transport';
import { cardIssuer } from '../sim/virtual-cccd/card-issuer';
import { createVirtualCccd } from '../sim/virtual-cccd/virtual-cccd';
import { forgeJ2kSize, makeTestJ2k } from '../sim/lds-builder/test-images';

describe('the read view of a chip whose portrait header claims 11000x11000', () => {
  it('keeps the identity and reports the portrait as too large, refused before decoding', async () => {
    const v = await createVirtualCccd({ variant: 'genuine' });
    const trust = new TrustStore();
    trust.add(cardIssuer().csca.der, 'test');
    const result = await readCard(new MemoryReaderWatcher().insert(v.engine), { keys: { can: v.card.secrets.can }, trustStore: trust });
    const forged = forgeJ2kSize((await makeTestJ2k(48, 64)).codestream, 11_000, 11_000);
    const view = await readView({ ...result, portrait: { mime: 'image/j2c', bytes: forged, container: '19794-5' } }, undefined, '2026-11-23');
    expect(view.portrait).toBeNull();
    expect(view.portraitFormat).toBe('jpeg2000');
    expect(view.warnings).toEqual(['portrait_too_large']);
    expect(view.identity.fullName).toBe('Nguyễn Thị Hồng Nhung');
  });
});
