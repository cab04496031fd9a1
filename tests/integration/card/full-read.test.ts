/**
 * The whole read (readCard) through real pcscd + vpcd + the virtual CCCD, for the genuine card
 * and every negative variant, plus a card pulled away mid-DG2 and read again.
 */
import { describe, expect, it } from 'vitest';
import { readCard, type CardReadResult } from '../../../electron/host/card/read-card';
import type { AccessKeys } from '../../../electron/host/card/read/access-control';
import { composeTd1 } from '../../../electron/host/sim/lds-builder/dg1';
import { NHUNG } from '../../../electron/host/sim/lds-builder/sample-citizens';
import { cardSecrets } from '../../../electron/host/sim/virtual-cccd/personalise';
import type { CardVariant } from '../../../electron/host/sim/virtual-cccd/variants';
import { pcscdUnavailableReason } from '../../support/pcscd';
import { useTrustedCardRig } from '../../support/trusted-rig';

const skipReason = pcscdUnavailableReason();
const secrets = cardSecrets(NHUNG, composeTd1(NHUNG));
const KEYS: AccessKeys = { can: secrets.can, mrz: secrets.mrz };

describe.skipIf(skipReason !== undefined)('full read through pcscd', () => {
  const env = useTrustedCardRig();

  async function readVariant(variant: CardVariant, keys: AccessKeys = KEYS): Promise<CardReadResult> {
    const transport = await env.rig.insert({ variant });
    return readCard(transport, { keys, trustStore: env.trust });
  }

  it('genuine: PACE-CAN, identity with diacritics, JPEG portrait, trusted SOD, DG3 locked', async () => {
    const r = await readVariant('genuine');
    expect(r.verification.accessControl.protocol).toBe('PACE-CAN');
    expect(r.identity.fullName).toBe('Nguyễn Thị Hồng Nhung');
    expect(r.identity.placeOfResidence).toBe(NHUNG.placeOfResidence);
    expect(r.portrait?.mime).toBe('image/jpeg');
    expect(r.verification.passive.signature).toBe('valid');
    expect(r.verification.passive.chain.status).toBe('trusted');
    expect(r.verification.passive.hashes.filter((h) => h.status !== 'match')).toEqual([{ dg: 3, status: 'not_read' }]);
    expect(r.verification.dg3).toBe('locked');
    expect(r.verification.chip).toEqual({ activeAuth: 'passed', chipAuth: 'passed' });
    console.log(JSON.stringify({ measure: 'full-read', variant: 'genuine', namespaced: env.rig.pcscd.namespaced, ...r.stats }));
  });

  it('BAC when only MRZ data is known', async () => {
    const r = await readVariant('genuine', { mrz: KEYS.mrz });
    // PACE with the MRZ key is tried first; like field cards, this one refuses it.
    expect(r.verification.accessControl).toEqual({ protocol: 'BAC', paceSkipped: 'refused' });
    expect(r.identity.idNumber).toBe(NHUNG.idNumber);
  });

  it('bac-only card: BAC although a CAN was given', async () => {
    const r = await readVariant('bac-only');
    expect(r.verification.accessControl).toEqual({ protocol: 'BAC', paceSkipped: 'not_offered' });
  });

  it('jpeg2000 card: portrait is JPEG 2000; dg2-39794 card: the new container', async () => {
    expect((await readVariant('jpeg2000')).portrait?.mime).toBe('image/jp2');
    expect((await readVariant('dg2-39794')).portrait?.container).toBe('39794-5');
  });

  it('tampered DG13: hash mismatch', async () => {
    const r = await readVariant('tampered-dg');
    expect(r.verification.passive.hashes.find((h) => h.dg === 13)?.status).toBe('mismatch');
  });

  it('unknown CSCA: no trust anchor; expired DS: expired', async () => {
    expect((await readVariant('unknown-csca')).verification.passive.chain.status).toBe('no_anchor');
    expect((await readVariant('expired-ds')).verification.passive.chain.status).toBe('expired');
  });

  it('cloned chip: active and chip authentication fail, passive authentication alone passes', async () => {
    const r = await readVariant('cloned');
    expect(r.verification.chip.activeAuth).toBe('failed');
    expect(r.verification.chip.chipAuth).toBe('failed');
    expect(r.verification.passive.chain.status).toBe('trusted');
  });

  it('small-reads card: the whole read still succeeds with short chunks', async () => {
    const r = await readVariant('small-reads');
    expect(r.stats.chunkSize).toBeLessThanOrEqual(0xdf);
    expect(r.portrait?.mime).toBe('image/jpeg');
  });

  it('field glitch during DG2 (answer lost, card stays): session re-opened, read resumes', async () => {
    const r = await readVariant('glitch');
    expect(r.portrait?.mime).toBe('image/jpeg');
    expect(r.verification.passive.hashes.find((h) => h.dg === 2)?.status).toBe('match');
  });

  it('card pulled away during DG2: CardError card.removed, then a successful retry', async () => {
    const transport = await env.rig.insert({ variant: 'pulled-away' });
    await expect(readCard(transport, { keys: KEYS, trustStore: env.trust })).rejects.toMatchObject({ code: 'card.removed' });
    // The officer puts the same card back.
    const again = await env.rig.insert();
    const r = await readCard(again, { keys: KEYS, trustStore: env.trust });
    expect(r.identity.idNumber).toBe(NHUNG.idNumber);
    expect(r.portrait?.mime).toBe('image/jpeg');
  });
});
