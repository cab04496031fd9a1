/**
 * BAC and secure-messaging reads through real pcscd + vpcd + the virtual CCCD: the terminal
 * code of the card stack, unchanged, against the emulator in its own process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performBac } from '../../../electron/host/card/icao/access/bac';
import { parseDg1 } from '../../../electron/host/card/icao/lds/dg1';
import { ChunkPolicy, readFile, selectEf } from '../../../electron/host/card/icao/lds/file-reader';
import { parseSod } from '../../../electron/host/card/icao/lds/sod';
import { parseDg13, dg13Text } from '../../../electron/host/card/cccd/dg13';
import { openSession } from '../../../electron/host/card/icao/session';
import type { CardTransport } from '../../../electron/host/card/transport/transport';
import { composeTd1 } from '../../../electron/host/sim/lds-builder/dg1';
import { NHUNG } from '../../../electron/host/sim/lds-builder/sample-citizens';
import { cardSecrets } from '../../../electron/host/sim/virtual-cccd/personalise';
import { pcscdUnavailableReason } from '../../support/pcscd';
import { startCardRig, type CardRig } from '../../support/card-rig';

const skipReason = pcscdUnavailableReason();
const AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);
// What an officer would type: from the ID number and the dates printed on the card.
const MRZ_KEY = cardSecrets(NHUNG, composeTd1(NHUNG)).mrz;

async function openBac(transport: CardTransport) {
  const session = openSession(transport);
  const sel = await session.channel({ cla: 0, ins: 0xa4, p1: 4, p2: 0x0c, data: AID });
  expect(sel.sw).toBe(0x9000);
  session.startSecureMessaging(await performBac(session.channel, MRZ_KEY));
  return session;
}

describe.skipIf(skipReason !== undefined)('BAC + secure messaging through pcscd', () => {
  let rig: CardRig;
  beforeAll(async () => {
    rig = await startCardRig();
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('reads EF.COM, EF.SOD, DG1 and DG13 with SM; DG3 is locked, DG11 absent', async () => {
    const transport = await rig.insert({ variant: 'genuine' });
    const session = await openBac(transport);
    const policy = new ChunkPolicy({ extendedLength: transport.extendedLength, smBlockSize: 8 });
    const dg1 = parseDg1(await readFile(session.channel, 0x0101, { policy }));
    expect(dg1.documentNumber).toBe(MRZ_KEY.documentNumber);
    const dg13 = parseDg13(await readFile(session.channel, 0x010d, { policy }));
    expect(dg13Text(dg13, 2)).toBe('Nguyễn Thị Hồng Nhung');
    const sod = parseSod(await readFile(session.channel, 0x011d, { policy }));
    expect(sod).toBeDefined();
    expect((await selectEf(session.channel, 0x0103)).sw).toBe(0x6982);
    expect((await selectEf(session.channel, 0x010b)).sw).toBe(0x6a82);
  });

  it('refuses a wrong MRZ key with card.access_denied', async () => {
    const transport = await rig.insert({ variant: 'genuine' });
    const session = openSession(transport);
    await session.channel({ cla: 0, ins: 0xa4, p1: 4, p2: 0x0c, data: AID });
    await expect(performBac(session.channel, { ...MRZ_KEY, dateOfBirth: '900306' })).rejects.toMatchObject({
      code: 'card.access_denied',
    });
  });

  it('falls back to short reads on a card that refuses Le > 0xDF', async () => {
    const transport = await rig.insert({ variant: 'small-reads' });
    const session = await openBac(transport);
    // Pretend the reader can do extended length: the card's 6700 must bring the size down.
    const policy = new ChunkPolicy({ extendedLength: true, smBlockSize: 8 });
    const dg13 = parseDg13(await readFile(session.channel, 0x010d, { policy }));
    expect(dg13Text(dg13, 1)).toBe(NHUNG.idNumber);
    expect(policy.size).toBeLessThanOrEqual(0xdf);
  });
});
