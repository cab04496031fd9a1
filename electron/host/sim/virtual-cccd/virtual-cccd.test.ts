import { describe, expect, it } from 'vitest';
import { performBac } from '../../card/icao/access/bac';
import { choosePace, parseCardAccess } from '../../card/icao/access/card-access';
import { performPace } from '../../card/icao/access/pace';
import { ChunkPolicy, readFile } from '../../card/icao/lds/file-reader';
import { openSession } from '../../card/icao/session';
import { MemoryReaderWatcher } from '../../card/transport/memory-transport';
import { FID } from './card-files';
import { createVirtualCccd } from './virtual-cccd';

const selectEf = (fid: number) => ({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Uint8Array.of(fid >> 8, fid & 0xff) });
const selectApplet = { cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: Uint8Array.of(0xa0, 0, 0, 2, 0x47, 0x10, 1) };

async function setup(variant: Parameters<typeof createVirtualCccd>[0] = {}) {
  const v = await createVirtualCccd(variant);
  const watcher = new MemoryReaderWatcher();
  const transport = watcher.insert(v.engine);
  return { v, watcher, session: openSession(transport) };
}

describe('virtual CCCD', () => {
  it('answers 6982 to data groups before access control and 6D00 to the MF', async () => {
    const { session } = await setup();
    expect((await session.channel({ cla: 0, ins: 0xa4, p1: 0, p2: 0x0c, data: Uint8Array.of(0x3f, 0) })).sw).toBe(0x6d00);
    expect((await session.channel(selectApplet)).sw).toBe(0x9000);
    expect((await session.channel(selectEf(FID.DG1))).sw).toBe(0x6982);
  });

  it('opens 3DES secure messaging with BAC and serves DG1 through it', async () => {
    const { v, session } = await setup();
    await session.channel(selectApplet);
    session.startSecureMessaging(await performBac(session.channel, v.card.secrets.mrz));
    expect((await session.channel(selectEf(FID.DG1))).sw).toBe(0x9000);
    const r = await session.channel({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 0x80 });
    expect(r.sw).toBe(0x6282); // DG1 is shorter than 128 bytes
    expect(new TextDecoder().decode(r.data)).toContain(v.card.mrz.slice(0, 30));
  });

  it('keeps DG3 locked and DG11 absent inside SM', async () => {
    const { v, session } = await setup();
    await session.channel(selectApplet);
    session.startSecureMessaging(await performBac(session.channel, v.card.secrets.mrz));
    expect((await session.channel(selectEf(FID.DG3))).sw).toBe(0x6982);
    expect((await session.channel(selectEf(FID.DG11))).sw).toBe(0x6a82);
  });

  it('refuses BAC with a wrong date of birth (6300)', async () => {
    const { v, session } = await setup();
    await session.channel(selectApplet);
    const wrong = { ...v.card.secrets.mrz, dateOfBirth: '900101' };
    await expect(performBac(session.channel, wrong)).rejects.toMatchObject({ code: 'card.access_denied' });
  });

  it('answers 6988 to a bad SM MAC (flipping non-parity bits) and drops the session', async () => {
    const { v, session } = await setup();
    await session.channel(selectApplet);
    const sm = await performBac(session.channel, v.card.secrets.mrz);
    session.startSecureMessaging({ ...sm, ksMac: sm.ksMac.map((b) => b ^ 0x80) });
    await expect(session.channel(selectEf(FID.DG1))).rejects.toMatchObject({ code: 'card.sm_invalid' });
  });

  it('small-reads variant answers 6700 to Le above 0xDF', async () => {
    const { v, session } = await setup({ variant: 'small-reads' });
    await session.channel(selectApplet);
    session.startSecureMessaging(await performBac(session.channel, v.card.secrets.mrz));
    await session.channel(selectEf(FID.DG13));
    expect((await session.channel({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 0xe0 })).sw).toBe(0x6700);
    expect((await session.channel({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 0xdf })).sw).toBe(0x9000);
  });
});

describe('virtual CCCD: PACE', () => {
  const cardAccessOf = async (session: ReturnType<typeof openSession>) => {
    const info = choosePace(parseCardAccess(await readFile(session.channel, FID.CARD_ACCESS, { policy: new ChunkPolicy({ extendedLength: false }) })));
    if (!info) throw new Error('no PACE offered');
    return info;
  };

  it('runs PACE-CAN and opens AES secure messaging', async () => {
    const { v, session } = await setup();
    const info = await cardAccessOf(session);
    await session.channel(selectApplet);
    session.startSecureMessaging(await performPace(session.channel, info, { kind: 'CAN', can: v.card.secrets.can }));
    expect(session.secure?.suite.name).toBe('AES');
    expect((await session.channel(selectEf(FID.DG13))).sw).toBe(0x9000);
  });

  it('refuses a wrong CAN (access denied) and PACE with the MRZ (6982)', async () => {
    const { v, session } = await setup();
    const info = await cardAccessOf(session);
    await expect(performPace(session.channel, info, { kind: 'CAN', can: '000000' })).rejects.toMatchObject({ code: 'card.access_denied' });
    await expect(performPace(session.channel, info, { kind: 'MRZ', mrz: v.card.secrets.mrz })).rejects.toMatchObject({ code: 'card.access_denied' });
  });
});

describe('virtual CCCD: ISO 7816 details', () => {
  const bac = async () => {
    const { v, session } = await setup();
    await session.channel(selectApplet);
    session.startSecureMessaging(await performBac(session.channel, v.card.secrets.mrz));
    return { v, session };
  };
  const fileBytes = (v: Awaited<ReturnType<typeof createVirtualCccd>>, fid: number) =>
    v.card.files.find((f) => f.fid === fid)?.content ?? new Uint8Array();

  it('reads EF.CardAccess by short EF identifier before anything else', async () => {
    const { v, session } = await setup();
    const r = await session.channel({ cla: 0, ins: 0xb0, p1: 0x80 | 0x1c, p2: 0, le: 256 });
    expect(r.sw).toBe(0x6282);
    expect(r.data).toEqual(fileBytes(v, FID.CARD_ACCESS));
  });

  it('odd-INS READ BINARY returns DO53 with the bytes at the DO54 offset', async () => {
    const { v, session } = await bac();
    await session.channel(selectEf(FID.DG2));
    const r = await session.channel({ cla: 0, ins: 0xb1, p1: 0, p2: 0, data: Uint8Array.of(0x54, 0x02, 0x01, 0x00), le: 0x40 });
    expect(r.sw).toBe(0x9000);
    expect(r.data.slice(0, 2)).toEqual(Uint8Array.of(0x53, 0x3e));
    expect(r.data.slice(2)).toEqual(fileBytes(v, FID.DG2).slice(0x100, 0x100 + 0x3e));
  });

  it('answers 6B00 past the end of a file and 6C08 to GET CHALLENGE with a wrong Le', async () => {
    const { v, session } = await bac();
    await session.channel(selectEf(FID.DG1));
    const size = fileBytes(v, FID.DG1).length;
    expect((await session.channel({ cla: 0, ins: 0xb0, p1: 0, p2: size + 1, le: 1 })).sw).toBe(0x6b00);
    const { session: plain } = await setup();
    await plain.channel(selectApplet);
    // 6Cxx is handled by the plain channel: it re-issues with Le = 8 and gets the challenge.
    const challenge = await plain.channel({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 4 });
    expect(challenge.sw).toBe(0x9000);
    expect(challenge.data.length).toBe(8);
  });

  it('aborts the session on a plain command inside SM (6987), as 9303 requires', async () => {
    const { v } = await bac();
    const raw = v.engine.process(Uint8Array.of(0x00, 0xa4, 0x02, 0x0c, 0x02, 0x01, 0x01));
    expect(raw).toEqual(Uint8Array.of(0x69, 0x87));
  });
});
