import { describe, it, expect } from 'vitest';
import { CardError } from '../../errors';
import type { CommandApdu, ResponseApdu } from '../../iso7816/apdu';
import { concat, fromHex } from '../../iso7816/bytes';
import { encodeTlv, parseTlv } from '../../iso7816/tlv';
import type { ApduChannel } from '../session';
import { ChunkPolicy, readFile, selectApplication } from './file-reader';

/** Scripted card + reader: a few files and switchable quirks; logs every READ as "offset/Le". */
interface Quirks {
  /** Le above this gets 6700 (card or reader refusing the length). */
  maxLe?: number;
  /** Le above this gets 6Cxx naming the limit. */
  wrongLeLimit?: number;
  /** Le above this makes the transport fail (PN53x with a long answer). */
  transportLimit?: number;
  /** Offsets at which the tag is "lost" once. */
  lostAt?: number[];
  /** Answer past-the-end reads with the remaining bytes and 6282. */
  eof6282?: boolean;
  /** Refuse READ BINARY by short EF identifier (6A86). */
  noSfi?: boolean;
}

function fakeCard(files: Record<number, Uint8Array | 'locked'>, q: Quirks = {}) {
  const log: string[] = [];
  let selected: Uint8Array | undefined;
  const lost = new Set(q.lostAt ?? []);
  const ok = (data: Uint8Array, sw = 0x9000): ResponseApdu => ({ data, sw });
  const channel: ApduChannel = async (cmd: CommandApdu) => {
    if (cmd.ins === 0xa4) {
      const fid = ((cmd.data?.[0] ?? 0) << 8) | (cmd.data?.[1] ?? 0);
      const f = files[fid];
      if (f === undefined) return ok(new Uint8Array(0), 0x6a82);
      if (f === 'locked') return ok(new Uint8Array(0), 0x6982);
      selected = f;
      return ok(new Uint8Array(0));
    }
    const bySfi = cmd.ins === 0xb0 && (cmd.p1 & 0x80) !== 0;
    if (bySfi) {
      log.push(`SFI ${(cmd.p1 & 0x1f).toString(16)}`);
      if (q.noSfi) return ok(new Uint8Array(0), 0x6a86);
      const f = files[0x0100 | (cmd.p1 & 0x1f)];
      if (f === undefined) return ok(new Uint8Array(0), 0x6a82);
      if (f === 'locked') return ok(new Uint8Array(0), 0x6982);
      selected = f;
    }
    if (!selected) return ok(new Uint8Array(0), 0x6986);
    const offset = cmd.ins === 0xb1 ? Number(BigInt('0x' + Buffer.from(parseTlv(cmd.data ?? new Uint8Array(0)).value).toString('hex'))) : bySfi ? cmd.p2 : (cmd.p1 << 8) | cmd.p2;
    const le = cmd.le ?? 256;
    log.push(`${cmd.ins === 0xb1 ? 'B1:' : ''}${offset}/${le}`);
    if (lost.delete(offset)) throw new CardError('card.timeout', 'tag lost');
    if (q.transportLimit !== undefined && le > q.transportLimit) throw new CardError('card.timeout', 'reader failed a long answer');
    if (q.maxLe !== undefined && le > q.maxLe) return ok(new Uint8Array(0), 0x6700);
    if (q.wrongLeLimit !== undefined && le > q.wrongLeLimit) return ok(new Uint8Array(0), 0x6c00 | q.wrongLeLimit);
    if (cmd.ins === 0xb1) {
      // Ne counts the DO'53' header as well (ISO/IEC 7816-4 §11.2.3): the data is that much shorter.
      let n = Math.min(le - 2, selected.length - offset);
      while (n > 0 && encodeTlv(0x53, new Uint8Array(n)).length > le) n--;
      if (n <= 0) return ok(new Uint8Array(0), 0x6700);
      return ok(encodeTlv(0x53, selected.subarray(offset, offset + n)));
    }
    const chunk = selected.subarray(offset, offset + le);
    const sw = chunk.length < le && q.eof6282 ? 0x6282 : 0x9000;
    return ok(chunk.slice(), sw);
  };
  return { channel, log };
}

function lds(tag: number, size: number): Uint8Array {
  const v = new Uint8Array(size);
  for (let i = 0; i < size; i++) v[i] = i & 0xff;
  return encodeTlv(tag, v);
}

const COM = fromHex('60145F0104303130365F36063034303030305C026175');
const DG2 = lds(0x75, 20000);

describe('readFile', () => {
  it('reads a small file in one command: the first chunk is the largest, no separate header read', async () => {
    const { channel, log } = fakeCard({ 0x011e: COM }, { eof6282: true });
    const file = await readFile(channel, 0x011e, { policy: new ChunkPolicy({ extendedLength: false }) });
    expect(file).toEqual(COM);
    expect(log).toEqual(['0/256']);
  });

  it('reads by short EF identifier: no SELECT at all', async () => {
    const { channel, log } = fakeCard({ 0x011e: COM }, { eof6282: true });
    const support = { usable: true };
    expect(await readFile(channel, 0x011e, { policy: new ChunkPolicy({ extendedLength: false }), sfi: { id: 0x1e, support } })).toEqual(COM);
    expect(log).toEqual(['SFI 1e', '0/256']);
  });

  it('a card refusing SFI (6A86) is read with SELECT, and SFI is not tried again', async () => {
    const card = fakeCard({ 0x011e: COM, 0x0101: COM }, { eof6282: true, noSfi: true });
    const support = { usable: true };
    const policy = new ChunkPolicy({ extendedLength: false });
    expect(await readFile(card.channel, 0x011e, { policy, sfi: { id: 0x1e, support } })).toEqual(COM);
    expect(await readFile(card.channel, 0x0101, { policy, sfi: { id: 0x01, support } })).toEqual(COM);
    expect(support.usable).toBe(false);
    expect(card.log).toEqual(['SFI 1e', '0/256', '0/256']);
  });

  it('6A82 by SFI is checked with SELECT: an absent file is file_not_found', async () => {
    const support = { usable: true };
    const { channel } = fakeCard({ 0x011e: COM });
    await expect(readFile(channel, 0x010f, { policy: new ChunkPolicy({ extendedLength: false }), sfi: { id: 0x0f, support } })).rejects.toMatchObject({ code: 'card.file_not_found' });
    expect(support.usable).toBe(true);
  });

  it('quirk 6700: extended Le refused, falls back to short chunks and remembers it for the reader', async () => {
    const policy = new ChunkPolicy({ extendedLength: true, smBlockSize: 8 });
    const card = fakeCard({ 0x0102: DG2 }, { maxLe: 0xe7 });
    expect(await readFile(card.channel, 0x0102, { policy })).toEqual(DG2);
    expect(policy.size).toBe(0xe7);
    const again = fakeCard({ 0x0102: DG2 }, { maxLe: 0xe7 });
    await readFile(again.channel, 0x0102, { policy });
    expect(again.log.slice(0, 3)).toEqual(['0/231', '231/231', '462/231']);
  });

  it('quirk 6Cxx: uses the Le the card names', async () => {
    const policy = new ChunkPolicy({ extendedLength: false });
    const { channel, log } = fakeCard({ 0x0102: DG2 }, { wrongLeLimit: 0x80 });
    expect(await readFile(channel, 0x0102, { policy })).toEqual(DG2);
    expect(log.slice(0, 3)).toEqual(['0/256', '0/128', '128/128']);
    expect(policy.size).toBe(0x80);
  });

  it('quirk 6Cxx on a file shorter than the first chunk: reads it, keeps the chunk size', async () => {
    const policy = new ChunkPolicy({ extendedLength: false });
    const card = fakeCard({ 0x011e: COM }, { wrongLeLimit: COM.length });
    expect(await readFile(card.channel, 0x011e, { policy })).toEqual(COM);
    expect(card.log).toEqual(['0/256', `0/${COM.length}`]);
    expect(policy.size).toBe(256);
  });

  it('quirk PN53x: a transport error on a long answer shrinks the chunk and resumes at the offset', async () => {
    const policy = new ChunkPolicy({ extendedLength: true, smBlockSize: 16 });
    const { channel, log } = fakeCard({ 0x0102: DG2 }, { transportLimit: 0xdf });
    expect(await readFile(channel, 0x0102, { policy, maxRetries: 5 })).toEqual(DG2);
    expect(policy.size).toBe(0xdf);
    expect(log.filter((l) => l.startsWith('0/'))).toEqual(['0/65472', '0/8192', '0/2048', '0/223']);
  });

  it('quirk tag lost: recovers the session, re-selects and resumes at the same offset', async () => {
    const policy = new ChunkPolicy({ extendedLength: false });
    const card = fakeCard({ 0x0102: DG2 }, { lostAt: [512] });
    let recoveries = 0;
    const file = await readFile(card.channel, 0x0102, {
      policy,
      recover: async () => {
        recoveries++;
        return card.channel;
      },
    });
    expect(file).toEqual(DG2);
    expect(recoveries).toBe(1);
    expect(card.log.filter((l) => l.startsWith('512/'))).toEqual(['512/256', '512/256']);
  });

  it('quirk tag lost during SELECT: retried like a read', async () => {
    const card = fakeCard({ 0x011e: COM });
    let lost = true;
    const flaky: ApduChannel = async (cmd) => {
      if (cmd.ins === 0xa4 && lost) {
        lost = false;
        throw new CardError('card.timeout', 'tag lost');
      }
      return card.channel(cmd);
    };
    expect(await readFile(flaky, 0x011e, { policy: new ChunkPolicy({ extendedLength: false }) })).toEqual(COM);
  });

  it('quirk tag lost: gives up after maxRetries consecutive failures', async () => {
    const card = fakeCard({ 0x0102: DG2 }, { lostAt: [] });
    const failing: ApduChannel = async (cmd) => {
      if (cmd.ins === 0xb0 && (cmd.p1 !== 0 || cmd.p2 !== 0)) throw new CardError('card.timeout', 'gone');
      return card.channel(cmd);
    };
    await expect(readFile(failing, 0x0102, { policy: new ChunkPolicy({ extendedLength: false }), maxRetries: 2 })).rejects.toMatchObject({
      code: 'card.timeout',
    });
  });

  it('quirk 6282: a file shorter than the header probe ends cleanly', async () => {
    const tiny = fromHex('5C026175');
    const { channel } = fakeCard({ 0x011e: tiny }, { eof6282: true });
    expect(await readFile(channel, 0x011e, { policy: new ChunkPolicy({ extendedLength: false }) })).toEqual(tiny);
  });

  it('quirk 6282: stops at the end of file the card reports', async () => {
    const short = concat(fromHex('6182FFFF'), new Uint8Array(100));
    const { channel } = fakeCard({ 0x0101: short }, { eof6282: true });
    const file = await readFile(channel, 0x0101, { policy: new ChunkPolicy({ extendedLength: false }) });
    expect(file.length).toBe(104);
  });

  it('quirk offsets beyond 32767: switches to odd-INS B1 with DO54', async () => {
    const big = lds(0x75, 40000);
    const { channel, log } = fakeCard({ 0x0102: big }, {});
    const file = await readFile(channel, 0x0102, { policy: new ChunkPolicy({ extendedLength: true, max: 0x1000 }) });
    expect(file).toEqual(big);
    expect(log).toContain('28672/4096');
    expect(log.filter((l) => l.startsWith('B1:'))[0]).toBe('B1:32768/4096');
  });

  it('B1 counts the DO53 header in Ne: small reads of a file over 32 KB reach its end', async () => {
    const big = lds(0x75, 40000);
    const { channel, log } = fakeCard({ 0x0102: big }, {});
    const policy = new ChunkPolicy({ extendedLength: false, smBlockSize: 16 });
    expect(await readFile(channel, 0x0102, { policy })).toEqual(big);
    // The last command asks for what is left plus its DO53 header, and gets all of it.
    const [off = 0, le = 0] = (log.at(-1) ?? '').replace('B1:', '').split('/').map(Number);
    const left = big.length - off;
    expect(le).toBe(left + (left < 0x80 ? 2 : 3));
    expect(log.filter((l) => l.startsWith('B1:')).every((l) => Number(l.split('/')[1]) > 2)).toBe(true);
    expect(policy.size).toBe(0xdf);
  });

  it('stops at once on a file declaring more than a genuine one holds (a card announcing 4 GiB)', async () => {
    const header = fromHex('7584FFFFFFFF');
    const endless = concat(header, new Uint8Array(70_000));
    const { channel, log } = fakeCard({ 0x0102: endless }, {});
    await expect(readFile(channel, 0x0102, { policy: new ChunkPolicy({ extendedLength: true }), maxLength: 1 << 20 })).rejects.toMatchObject({
      code: 'card.file_too_large',
    });
    expect(log).toEqual(['0/65472']);
  });

  it('reports progress up to the total', async () => {
    const seen: Array<[number, number]> = [];
    const { channel } = fakeCard({ 0x0102: DG2 });
    await readFile(channel, 0x0102, { policy: new ChunkPolicy({ extendedLength: false }), onProgress: (a, b) => seen.push([a, b]) });
    expect(seen[0]).toEqual([256, DG2.length]);
    expect(seen.at(-1)).toEqual([DG2.length, DG2.length]);
    expect(seen.every(([a], i) => i === 0 || a > (seen[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('maps 6A82 to file_not_found and 6982 to file_locked (DG3)', async () => {
    const { channel } = fakeCard({ 0x0103: 'locked' });
    const policy = new ChunkPolicy({ extendedLength: false });
    await expect(readFile(channel, 0x010b, { policy })).rejects.toMatchObject({ code: 'card.file_not_found' });
    await expect(readFile(channel, 0x0103, { policy })).rejects.toMatchObject({ code: 'card.file_locked' });
  });

  it('selectApplication: 6A82 means the card is not an ICAO chip', async () => {
    const sent: CommandApdu[] = [];
    const ok: ApduChannel = async (cmd) => {
      sent.push(cmd);
      return { data: new Uint8Array(0), sw: 0x9000 };
    };
    await selectApplication(ok);
    expect(sent[0]).toMatchObject({ ins: 0xa4, p1: 0x04, p2: 0x0c, data: fromHex('A0000002471001') });
    const missing: ApduChannel = async () => ({ data: new Uint8Array(0), sw: 0x6a82 });
    await expect(selectApplication(missing)).rejects.toMatchObject({ code: 'card.not_icao' });
  });
});
