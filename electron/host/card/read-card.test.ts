import { describe, expect, it } from 'vitest';
import { TrustStore } from './icao/auth/trust-store';
import { readCard, type ReadProgress } from './read-card';
import { verificationView } from './read-view';
import { ChunkPolicies } from './icao/lds/file-reader';
import { MemoryReaderWatcher } from './transport/memory-transport';
import { NHUNG } from '../sim/lds-builder/sample-citizens';
import { cardIssuer } from '../sim/virtual-cccd/card-issuer';
import type { CardVariant } from '../sim/virtual-cccd/variants';
import { createVirtualCccd } from '../sim/virtual-cccd/virtual-cccd';

function trust(): TrustStore {
  const store = new TrustStore();
  store.add(cardIssuer().csca.der, 'test');
  return store;
}

async function read(variant: CardVariant, keys?: 'can' | 'mrz' | 'both') {
  const v = await createVirtualCccd({ variant });
  const transport = new MemoryReaderWatcher().insert(v.engine);
  const k = keys ?? 'both';
  const progress: ReadProgress[] = [];
  const result = await readCard(transport, {
    keys: {
      ...(k !== 'mrz' ? { can: v.card.secrets.can } : {}),
      ...(k !== 'can' ? { mrz: v.card.secrets.mrz } : {}),
    },
    trustStore: trust(),
    onProgress: (p) => progress.push(p),
  });
  return { result, progress };
}

describe('readCard against the virtual CCCD (in memory)', () => {
  it('reads a genuine card with PACE-CAN, identity and a trusted, matching SOD', async () => {
    const { result, progress } = await read('genuine');
    expect(result.verification.accessControl.protocol).toBe('PACE-CAN');
    expect(result.identity.fullName).toBe(NHUNG.fullName);
    expect(result.identity.idNumber).toBe(NHUNG.idNumber);
    expect(result.verification.passive.signature).toBe('valid');
    expect(result.verification.passive.chain.status).toBe('trusted');
    // DG3 is in the SOD but locked: 'not_read' is the honest answer, everything read matches.
    const hashes = result.verification.passive.hashes;
    expect(hashes.filter((h) => h.status !== 'match')).toEqual([{ dg: 3, status: 'not_read' }]);
    expect(result.verification.dg3).toBe('locked');
    expect(result.verification.chip).toEqual({ activeAuth: 'passed', chipAuth: 'passed' });
    expect(progress.at(-1)?.fraction).toBe(1);
    // The bar never goes backwards.
    expect(progress.every((p, i) => i === 0 || p.fraction >= (progress[i - 1]?.fraction ?? 0) - 1e-9)).toBe(true);
  });

  it('reads a card left on the reader after an earlier read (its stale SM session is dropped first)', async () => {
    for (const variant of ['genuine', 'bac-only'] as const) {
      const v = await createVirtualCccd({ variant });
      const transport = new MemoryReaderWatcher().insert(v.engine);
      const keys = { can: v.card.secrets.can, mrz: v.card.secrets.mrz };
      const first = await readCard(transport, { keys, trustStore: trust() });
      const second = await readCard(transport, { keys, trustStore: trust() });
      expect(second.identity).toEqual(first.identity);
      expect(second.verification.passive.signature).toBe('valid');
    }
  });

  it('opens a chip that refuses the CAN but accepts PACE with the MRZ key, and says so', async () => {
    const { result } = await read('pace-mrz');
    expect(result.verification.accessControl).toEqual({ protocol: 'PACE-MRZ', paceSkipped: 'refused' });
    expect(result.verification.passive.signature).toBe('valid');
    await expect(read('pace-mrz', 'can')).rejects.toMatchObject({ code: 'card.access_denied' });
  });

  it('falls back to BAC on a card without EF.CardAccess, and with only MRZ data', async () => {
    expect((await read('bac-only')).result.verification.accessControl).toEqual({ protocol: 'BAC', paceSkipped: 'not_offered' });
    // Only MRZ data: PACE with the MRZ key is tried first; the field-like card refuses it (6982).
    expect((await read('genuine', 'mrz')).result.verification.accessControl).toEqual({ protocol: 'BAC', paceSkipped: 'refused' });
  });

  it('catches a cloned chip: active and chip authentication both fail', async () => {
    const { result } = await read('cloned');
    expect(result.verification.chip.activeAuth).toBe('failed');
    expect(result.verification.chip.chipAuth).toBe('failed');
    // The data itself is a perfect copy: passive authentication alone cannot tell.
    expect(result.verification.passive.chain.status).toBe('trusted');
  });

  it('a cloning device that hides DG15 and answers the chip-authentication probe with a plain 6A82 is not genuine', async () => {
    const v = await createVirtualCccd({ variant: 'cloned' });
    const engine = v.engine;
    let hideSelect = false;
    let afterGa = false;
    // The copied files and the printed CAN, but no AA/CA private key: it fakes the answers it can.
    const clone = {
      atr: engine.atr,
      reset: () => engine.reset(),
      process(apdu: Uint8Array): Uint8Array {
        const [cla = 0, ins = 0, p1 = 0] = apdu;
        const sm = (cla & 0x0c) === 0x0c;
        if (afterGa) {
          afterGa = false;
          return Uint8Array.of(0x6a, 0x82); // unprotected "file not found" instead of a MAC it cannot make
        }
        const r = engine.process(apdu);
        // Hide DG15: its READ BINARY by SFI (P1 = 8F), then the SELECT the reader falls back on.
        if (sm && ins === 0xb0 && p1 === 0x8f) {
          hideSelect = true;
          return Uint8Array.of(0x6a, 0x82);
        }
        if (sm && ins === 0xa4 && p1 === 0x02 && hideSelect) {
          hideSelect = false;
          return Uint8Array.of(0x6a, 0x82);
        }
        if (sm && ins === 0x86) afterGa = true;
        return r;
      },
    };
    const result = await readCard(new MemoryReaderWatcher().insert(clone), { keys: { can: v.card.secrets.can }, trustStore: trust() });
    expect(result.verification.chip.chipAuth).toBe('failed');
    expect(result.verification.passive.hashes).toContainEqual({ dg: 15, status: 'not_read' });
    expect(verificationView(result.verification).overall).toBe('failed');
  });

  it('a status word alone is no clone verdict: INTERNAL AUTHENTICATE refused with 6985 → not performed, with the reason', async () => {
    const v = await createVirtualCccd();
    const engine = v.engine;
    const refusing = {
      atr: engine.atr,
      reset: () => engine.reset(),
      process(apdu: Uint8Array): Uint8Array {
        const r = engine.process(apdu);
        const [cla = 0, ins = 0] = apdu;
        return (cla & 0x0c) === 0x0c && ins === 0x88 ? Uint8Array.of(0x69, 0x85) : r;
      },
    };
    const result = await readCard(new MemoryReaderWatcher().insert(refusing), { keys: { can: v.card.secrets.can }, trustStore: trust() });
    expect(result.verification.chip.activeAuth).toBe('not_supported');
    expect(result.verification.chip.chipAuth).toBe('passed');
    expect(result.verification.chip.detail).toMatch(/INTERNAL AUTHENTICATE answered 6985/);
    expect(verificationView(result.verification).chipDetail).toMatch(/6985/);
  });

  it('an RSA-2048 AA answer that overflows a short response is asked again with extended length (memory transport enforces the buffer like PC/SC)', async () => {
    for (const quirk of ['short-overflow', 'ia-extended-only'] as const) {
      const v = await createVirtualCccd({ quirks: [quirk] });
      const result = await readCard(new MemoryReaderWatcher().insert(v.engine), { keys: { can: v.card.secrets.can }, trustStore: trust() });
      expect(result.verification.chip).toEqual({ activeAuth: 'passed', chipAuth: 'passed' });
    }
  });

  it('chip authentication also works after BAC (3DES session, AES-128 CA keys)', async () => {
    const { result } = await read('bac-only');
    expect(result.verification.chip).toEqual({ activeAuth: 'passed', chipAuth: 'passed' });
  });

  it('falls back to BAC when the CAN is refused but MRZ data is known; wrong both → access denied', async () => {
    const v = await createVirtualCccd();
    const watcher = new MemoryReaderWatcher();
    const r = await readCard(watcher.insert(v.engine), { keys: { can: '000000', mrz: v.card.secrets.mrz }, trustStore: trust() });
    expect(r.verification.accessControl).toEqual({ protocol: 'BAC', paceSkipped: 'refused' });
    const wrongMrz = { ...v.card.secrets.mrz, dateOfBirth: '010101' };
    await expect(readCard(watcher.insert(v.engine), { keys: { can: '000000', mrz: wrongMrz }, trustStore: trust() })).rejects.toMatchObject({
      code: 'card.access_denied',
    });
  });

  it('chip authentication with 3DES session keys (MSE:Set KAT) passes too', async () => {
    const v = await createVirtualCccd({ caCipher: '3DES' });
    const r = await readCard(new MemoryReaderWatcher().insert(v.engine), { keys: { can: v.card.secrets.can }, trustStore: trust() });
    expect(r.verification.chip).toEqual({ activeAuth: 'passed', chipAuth: 'passed' });
  });

  it('reports a tampered DG13 as a hash mismatch', async () => {
    const { result } = await read('tampered-dg');
    expect(result.verification.passive.hashes.find((h) => h.dg === 13)?.status).toBe('mismatch');
  });

  it('reports an unknown CSCA and an expired DS', async () => {
    expect((await read('unknown-csca')).result.verification.passive.chain.status).toBe('no_anchor');
    expect((await read('expired-ds')).result.verification.passive.chain.status).toBe('expired');
  });

  it('returns the JPEG portrait (~20 KB) and accepts a JPEG 2000 one', async () => {
    const jpeg = (await read('genuine')).result.portrait;
    expect(jpeg?.mime).toBe('image/jpeg');
    expect(jpeg?.bytes.length).toBeGreaterThan(15_000);
    expect((await read('jpeg2000')).result.portrait?.mime).toBe('image/jp2');
    const v = await createVirtualCccd({ dg2Container: '39794-5' });
    const keys = { can: v.card.secrets.can };
    const iso39794 = (await readCard(new MemoryReaderWatcher().insert(v.engine), { keys, trustStore: trust() })).portrait;
    expect(iso39794?.container).toBe('39794-5');
    expect(iso39794?.bytes).toEqual(jpeg?.bytes);
  });

  it('remembers per reader what chunk size worked: the second card needs fewer APDUs', async () => {
    const policies = new ChunkPolicies();
    const watcher = new MemoryReaderWatcher({ readerName: 'PN533 reader', extendedLength: true });
    const readOnce = async () => {
      const v = await createVirtualCccd({ variant: 'small-reads' });
      return readCard(watcher.insert(v.engine), { keys: { can: v.card.secrets.can }, trustStore: trust(), policies });
    };
    const first = await readOnce();
    const second = await readOnce();
    expect(second.stats.chunkSize).toBe(first.stats.chunkSize);
    expect(second.stats.apdus).toBeLessThan(first.stats.apdus);
  });

  it('survives a field glitch mid-DG2: re-opens the session and resumes at the offset', async () => {
    const { result } = await read('glitch');
    expect(result.portrait?.bytes.length).toBeGreaterThan(15_000);
    expect(result.verification.passive.hashes.find((h) => h.dg === 2)?.status).toBe('match');
  });

  it('fails cleanly with card.removed when the card leaves during DG2, then reads on retry', async () => {
    const v = await createVirtualCccd({ variant: 'pulled-away' });
    const watcher = new MemoryReaderWatcher();
    const keys = { can: v.card.secrets.can, mrz: v.card.secrets.mrz };
    await expect(readCard(watcher.insert(v.engine), { keys, trustStore: trust() })).rejects.toMatchObject({ code: 'card.removed' });
    expect(watcher.readers()[0]?.cardPresent).toBe(false);
    v.engine.reinsert();
    const again = await readCard(watcher.insert(v.engine), { keys, trustStore: trust() });
    expect(again.portrait?.mime).toBe('image/jpeg');
  });
});
