/**
 * Interoperability defects an independent ICAO 9303 card showed (issue 8), each reproduced by a
 * quirk of the virtual card and read through real pcscd + vpcd. Active authentication is
 * randomised (the challenge, and which of s and n − s is smaller), so one read proves nothing:
 * each genuine card is read 20 times and must be called genuine every time.
 */
import { describe, expect, it } from 'vitest';
import { readCard, type CardReadResult } from '../../../electron/host/card/read-card';
import { readView } from '../../../electron/host/card/read-view';
import { composeTd1 } from '../../../electron/host/sim/lds-builder/dg1';
import { derProblems } from '../../../electron/host/sim/lds-builder/der-strict';
import { NHUNG } from '../../../electron/host/sim/lds-builder/sample-citizens';
import { cardSecrets } from '../../../electron/host/sim/virtual-cccd/personalise';
import { pcscdUnavailableReason } from '../../support/pcscd';
import { useTrustedCardRig } from '../../support/trusted-rig';
import type { InsertOptions } from '../../support/virtual-card';

const skipReason = pcscdUnavailableReason();
const secrets = cardSecrets(NHUNG, composeTd1(NHUNG));
const READS = 20;

describe.skipIf(skipReason !== undefined)('interoperability with cards that differ from ours (issue 8)', () => {
  const env = useTrustedCardRig();

  /** One card on the reader, read `READS` times (each read opens a new session on it). */
  async function readRepeatedly(card: InsertOptions, check: (r: CardReadResult) => void = () => {}) {
    const transport = await env.rig.insert(card);
    const verdicts: Record<string, number> = {};
    for (let i = 0; i < READS; i++) {
      const r = await readCard(transport, { keys: { can: secrets.can }, trustStore: env.trust });
      check(r);
      const view = await readView(r, undefined, new Date().toISOString().slice(0, 10));
      const key = view.verification.overall === 'genuine' ? 'genuine' : `${view.verification.overall}: ${view.verification.chipDetail ?? ''}`;
      verdicts[key] = (verdicts[key] ?? 0) + 1;
    }
    console.log(JSON.stringify({ measure: 'interop-20x', card, reads: READS, verdicts }));
    return verdicts;
  }

  it('AA answering min(s, n − s): genuine in 20 of 20 reads', async () => {
    expect(await readRepeatedly({ variant: 'genuine', quirks: ['aa-min-s'] })).toEqual({ genuine: READS });
  });

  it('INTERNAL AUTHENTICATE refused with 6700 when short: retried with extended length, genuine 20/20', async () => {
    const verdicts = await readRepeatedly({ variant: 'genuine', quirks: ['ia-extended-only', 'aa-min-s'] }, (r) => {
      expect(r.verification.chip.activeAuth).toBe('passed');
    });
    expect(verdicts).toEqual({ genuine: READS });
  });

  it('a card overflowing a short response (PC/SC insufficient buffer): retried with extended length, genuine 20/20', async () => {
    const verdicts = await readRepeatedly({ variant: 'genuine', quirks: ['short-overflow'] }, (r) => {
      expect(r.verification.chip.activeAuth).toBe('passed');
    });
    expect(verdicts).toEqual({ genuine: READS });
  });

  it('small reads of a DG2 over 32 KB (READ BINARY B1 to the end): genuine 20/20, portrait intact', async () => {
    const verdicts = await readRepeatedly({ variant: 'small-reads', quirks: ['big-dg2'] }, (r) => {
      expect(r.files.get(2)?.length).toBeGreaterThan(32 * 1024);
      expect(r.portrait?.mime).toBe('image/jpeg');
      expect(r.stats.chunkSize).toBeLessThanOrEqual(0xdf);
    });
    expect(verdicts).toEqual({ genuine: READS });
  });

  it('SOD: DER from our card; a BER SOD (constructed OCTET STRING) still reads genuine 20/20', async () => {
    const transport = await env.rig.insert({ variant: 'genuine' });
    const der = await readCard(transport, { keys: { can: secrets.can }, trustStore: env.trust });
    expect(derProblems(der.files.get(0x1d) ?? new Uint8Array())).toEqual([]);
    const verdicts = await readRepeatedly({ variant: 'genuine', quirks: ['ber-sod'] }, (r) => {
      expect(derProblems(r.files.get(0x1d) ?? new Uint8Array())).toContainEqual(expect.stringMatching(/constructed string/));
    });
    expect(verdicts).toEqual({ genuine: READS });
  });

  it('a card announcing a 4 GiB DG2: that file stops at once (file_too_large), the identity stays, not genuine', async () => {
    const transport = await env.rig.insert({ variant: 'genuine', quirks: ['oversized-dg2'] });
    const r = await readCard(transport, { keys: { can: secrets.can }, trustStore: env.trust });
    expect(r.refused).toEqual([{ file: 'DG2', code: 'card.file_too_large', message: expect.stringMatching(/declares 4294967301 bytes/) }]);
    expect(r.identity.idNumber).toBe(NHUNG.idNumber);
    expect(r.files.has(2)).toBe(false);
    const view = await readView(r, undefined, new Date().toISOString().slice(0, 10));
    expect(view.warnings).toEqual(['portrait_too_large']);
    expect(view.verification.overall).toBe('unverified');
    // One READ BINARY of DG2 was enough to see it: the read took no more commands than a genuine one.
    const genuine = await readCard(await env.rig.insert({ variant: 'genuine' }), { keys: { can: secrets.can }, trustStore: env.trust });
    expect(r.stats.apdus).toBeLessThanOrEqual(genuine.stats.apdus);
  }, 20_000);
});
