import { describe, expect, it } from 'vitest';
import { overallVerdict, readView } from './read-view';
import { readCard } from './read-card';
import { TrustStore } from './icao/auth/trust-store';
import { MemoryReaderWatcher } from './transport/memory-transport';
import { cardIssuer } from '../sim/virtual-cccd/card-issuer';
import { createVirtualCccd } from '../sim/virtual-cccd/virtual-cccd';

const good = {
  accessControl: { protocol: 'PACE-CAN' as const },
  signature: 'valid' as const,
  chain: { status: 'trusted' as const, issuer: 'CN=CSCA' },
  hashes: [
    { dg: 1, status: 'match' as const },
    { dg: 3, status: 'not_read' as const },
  ],
  notInSod: [],
  activeAuth: 'passed' as const,
  chipAuth: 'passed' as const,
  dg3: 'locked',
};

describe('overall verdict of a chip read', () => {
  it('is genuine when every check passed (a locked DG3 is not held against it)', () => {
    expect(overallVerdict(good)).toBe('genuine');
  });
  it.each([
    ['an invalid SOD signature', { signature: 'invalid' as const }],
    ['a hash mismatch', { hashes: [{ dg: 13, status: 'mismatch' as const }] }],
    ['a failed active authentication', { activeAuth: 'failed' as const }],
    ['a failed chip authentication', { chipAuth: 'failed' as const }],
    ['a DS not signed by the same-name CSCA', { chain: { status: 'untrusted' as const, issuer: 'x' } }],
  ])('fails on %s', (_l, change) => {
    expect(overallVerdict({ ...good, ...change })).toBe('failed');
  });
  it.each([
    ['no trust anchor', { chain: { status: 'no_anchor' as const, issuer: 'x' } }],
    ['an expired DS', { chain: { status: 'expired' as const, issuer: 'x' } }],
    ['no clone check offered', { activeAuth: 'not_supported' as const, chipAuth: 'not_supported' as const }],
    ['an unsigned extra file', { notInSod: [11] }],
    ['a data group the SOD lists but the chip withheld (DG15)', { hashes: [{ dg: 1, status: 'match' as const }, { dg: 15, status: 'not_read' as const }] }],
  ])('is unverified with %s', (_l, change) => {
    expect(overallVerdict({ ...good, ...change })).toBe('unverified');
  });
});

describe('the read view of a chip whose portrait cannot be shown', () => {
  it('keeps the identity and says why the portrait is missing', async () => {
    const v = await createVirtualCccd({ variant: 'genuine' });
    const trust = new TrustStore();
    trust.add(cardIssuer().csca.der, 'test');
    const result = await readCard(new MemoryReaderWatcher().insert(v.engine), { keys: { can: v.card.secrets.can }, trustStore: trust });
    const damaged = { ...result, portrait: { ...result.portrait!, mime: 'image/jp2' as const, bytes: Uint8Array.of(0, 0, 0, 12, 1, 2, 3) } };
    const view = await readView(damaged, undefined, '2026-11-23');
    expect(view.portrait).toBeNull();
    expect(view.warnings).toEqual(['portrait_unreadable']);
    expect(view.identity.fullName).toBe('Nguyễn Thị Hồng Nhung');
    const { portrait: _p, ...noPortrait } = result;
    expect((await readView(noPortrait, undefined, '2026-11-23')).warnings).toEqual(['portrait_unreadable']);
  });
});

describe('the read view of a chip that fails the clone check', () => {
  it('carries the reason, so the officer and the CLI see why', async () => {
    const v = await createVirtualCccd({ variant: 'cloned' });
    const trust = new TrustStore();
    trust.add(cardIssuer().csca.der, 'test');
    const result = await readCard(new MemoryReaderWatcher().insert(v.engine), { keys: { can: v.card.secrets.can }, trustStore: trust });
    const view = await readView(result, undefined, '2026-11-23');
    expect(view.verification.activeAuth).toBe('failed');
    expect(view.verification.chipDetail).toMatch(/active authentication: recovered digest does not match|9796-2/);
  });
});
