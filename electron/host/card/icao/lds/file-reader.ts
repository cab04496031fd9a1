import { CardError, isCardError } from '../../errors';
import type { CommandApdu, ResponseApdu } from '../../iso7816/apdu';
import { concat, uintBytes } from '../../iso7816/bytes';
import { isWrongLe, statusError, swLength, SW } from '../../iso7816/status';
import { encodeTlv, parseTlv, parseTlvHeader } from '../../iso7816/tlv';
import type { ApduChannel } from '../session';

/**
 * Reading an elementary file as fast as the reader and the card allow together. The quirks
 * handled here come from real CCCD readers: PN53x readers that cannot carry extended APDUs or
 * long answers (6700, 6Cxx or a transport error), "tag lost" in the middle of DG2, 6282 at the
 * end of a file, and offsets past 32767 that only the odd-INS READ BINARY can address.
 */

/**
 * The largest Le worth asking for, shrunk on failure and kept by the caller per reader so the
 * next card on the same reader starts at the size that worked.
 */
export class ChunkPolicy {
  size: number;
  /** Largest plain chunk whose SM-protected answer still fits a short (256-byte) response. */
  readonly shortMax: number;
  private readonly ladder: number[];

  /** `smBlockSize`: 8 (3DES) or 16 (AES) when the reads go through secure messaging. */
  constructor(opts: { extendedLength: boolean; smBlockSize?: 8 | 16; max?: number }) {
    // DO'87' header (4) + padding to the block + DO'99' (4) + DO'8E' (10) must fit in 256.
    this.shortMax = opts.smBlockSize === undefined ? 256 : opts.smBlockSize === 8 ? 0xe7 : 0xdf;
    const top = opts.max ?? (opts.extendedLength ? 0xffc0 : this.shortMax);
    this.ladder = [top, 0x2000, 0x800, this.shortMax, 0x80, 0x40, 0x20].filter((s, i, a) => s <= top && a.indexOf(s) === i);
    this.size = top;
  }

  /** Next smaller size (or the card's 6Cxx hint); false when already at the floor. */
  shrink(hint?: number): boolean {
    const next = hint !== undefined && hint < this.size ? hint : this.ladder.find((s) => s < this.size);
    if (next === undefined || next < 1) return false;
    this.size = next;
    return true;
  }
}

/** What the caller keeps for the life of the app: one ChunkPolicy per reader name. */
export class ChunkPolicies {
  private readonly byReader = new Map<string, ChunkPolicy>();

  /** The SM block size is part of the key: the short-APDU limit differs for 3DES and AES. */
  get(readerName: string, opts: { extendedLength: boolean; smBlockSize?: 8 | 16 }): ChunkPolicy {
    const key = `${readerName}\u0000${opts.smBlockSize ?? 0}`;
    let p = this.byReader.get(key);
    if (!p) {
      p = new ChunkPolicy(opts);
      this.byReader.set(key, p);
    }
    return p;
  }
}

export interface ReadFileOptions {
  policy: ChunkPolicy;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Transient failures tolerated in a row before giving up (default 3). */
  maxRetries?: number;
  /**
   * Called after a transport failure: re-establish the session (after a tag loss the chip has
   * reset and lost its SM keys) and return the channel to resume on. Without it, retries reuse
   * the same channel, which only helps on plain sessions.
   */
  recover?: (error: CardError) => Promise<ApduChannel>;
  /**
   * Largest length a genuine file of this kind declares. A file announcing more stops at once
   * with 'card.file_too_large' instead of being read until someone cancels.
   */
  maxLength?: number;
  /**
   * Read by short EF identifier (READ BINARY with P1 = 80 | SFI) instead of SELECT + READ:
   * one command less per file. Shared by the files of one read, so a card that refuses SFI
   * costs one extra command, once.
   */
  sfi?: { id: number; support: SfiSupport };
}

/** Whether the card answered a READ BINARY by SFI; starts hopeful, set false on a refusal. */
export interface SfiSupport {
  usable: boolean;
}

/** Enough for any tag (2 bytes) and long-form length (up to 4 bytes) in the LDS. */
const HEADER_PROBE = 8;
const MAX_SHORT_OFFSET = 0x7fff;
/** B0 with an SFI carries the offset in P2 alone. */
const MAX_SFI_OFFSET = 0xff;

/** The eMRTD application (LDS1) AID; the CCCD answers to it like a passport. */
export const ICAO_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);

/** SELECT by DF name; "not found" means this is not an ICAO chip at all. */
export async function selectApplication(channel: ApduChannel, aid: Uint8Array = ICAO_AID): Promise<void> {
  const r = await channel({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: aid });
  if (r.sw === SW.FILE_NOT_FOUND || r.sw === SW.WRONG_P1P2) throw new CardError('card.not_icao', 'eMRTD application not found', r.sw);
  if (r.sw !== SW.OK) throw statusError(r.sw, 'SELECT eMRTD application');
}

export function selectEf(channel: ApduChannel, fid: number): Promise<ResponseApdu> {
  return channel({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: uintBytes(fid, 2) });
}

async function selectOrThrow(channel: ApduChannel, fid: number): Promise<void> {
  const r = await selectEf(channel, fid);
  if (r.sw !== SW.OK) throw statusError(r.sw, `SELECT EF ${fid.toString(16)}`, 'file');
}

function readCommand(offset: number, le: number, sfi?: number): CommandApdu {
  if (sfi !== undefined) return { cla: 0, ins: 0xb0, p1: 0x80 | sfi, p2: offset, le };
  if (offset <= MAX_SHORT_OFFSET) return { cla: 0, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, le };
  // Odd INS: the offset travels in DO'54', P1-P2 = 0000 means "the current EF".
  const off = uintBytes(offset, offset > 0xffff ? 3 : 2);
  return { cla: 0, ins: 0xb1, p1: 0, p2: 0, data: encodeTlv(0x54, off), le };
}

/** Bytes of the DO'53' header around `n` bytes of data: B1's Ne counts them too. */
function do53HeaderLength(n: number): number {
  return n < 0x80 ? 2 : n < 0x100 ? 3 : n < 0x10000 ? 4 : 5;
}

/** Le for the next chunk: everything left when it fits, DO'53' header included for B1. */
function nextLe(policy: ChunkPolicy, offset: number, total: number | undefined): number {
  if (total === undefined) return policy.size;
  const left = total - offset;
  return Math.min(policy.size, offset > MAX_SHORT_OFFSET ? left + do53HeaderLength(left) : left);
}

/** B1 answers wrap the bytes in DO'53'. */
function chunkData(cmd: CommandApdu, data: Uint8Array): Uint8Array {
  if (cmd.ins !== 0xb1 || data.length === 0) return data;
  const t = parseTlv(data);
  if (t.tag !== 0x53) throw new CardError('card.protocol', "READ BINARY (B1) answer without DO'53'");
  return t.value;
}

function isTransient(e: unknown, canRecover: boolean): e is CardError {
  if (!isCardError(e)) return false;
  if (e.code === 'card.timeout') return true;
  // A lost answer leaves the two SSCs apart; only a new session repairs that.
  return canRecover && e.code === 'card.sm_invalid';
}

/** Status words by which a card says it does not do READ BINARY by SFI (rather than "no such file"). */
function refusesSfi(sw: number): boolean {
  return sw === SW.WRONG_P1P2 || sw === SW.FUNCTION_NOT_SUPPORTED || sw === SW.INS_NOT_SUPPORTED || sw === SW.WRONG_OFFSET || sw === 0x6986 || sw === SW.CONDITIONS_NOT_SATISFIED;
}

function checkDeclared(fid: number, total: number, maxLength: number | undefined): void {
  if (maxLength !== undefined && total > maxLength) {
    throw new CardError('card.file_too_large', `EF ${fid.toString(16).padStart(4, '0')} declares ${total} bytes; a genuine one holds at most ${maxLength}`);
  }
}

export async function readFile(channel: ApduChannel, fid: number, opts: ReadFileOptions): Promise<Uint8Array> {
  const { policy, onProgress, recover, maxLength, sfi } = opts;
  const maxRetries = opts.maxRetries ?? 3;
  let ch = channel;
  let selected = false;
  const parts: Uint8Array[] = [];
  let offset = 0;
  let total: number | undefined;
  let failures = 0;
  // The first chunk is as large as the policy allows: no separate header read, unless the card
  // refused that length and we must learn whether the file is simply shorter.
  let probe = false;
  /** A one-off Le the card named with 6Cxx before the file's length was known. */
  let named: number | undefined;
  let trySfi = sfi !== undefined;
  while (total === undefined || offset < total) {
    const wasNamed = named !== undefined;
    const want = named ?? (probe ? HEADER_PROBE : nextLe(policy, offset, total));
    named = undefined;
    const bySfi: number | undefined = trySfi && !selected && sfi?.support.usable === true && offset <= MAX_SFI_OFFSET ? sfi.id : undefined;
    const cmd = readCommand(offset, want, bySfi);
    let resp: ResponseApdu;
    let reading = false;
    try {
      // Selecting inside the retry loop: the tag can be lost on the SELECT too.
      if (!selected && bySfi === undefined) await selectOrThrow(ch, fid);
      selected = bySfi === undefined;
      reading = true;
      resp = await ch(cmd);
    } catch (e) {
      if (!isTransient(e, recover !== undefined) || ++failures > maxRetries) throw e;
      // PN53x readers fail long answers with a transport error rather than 6700.
      if (e.code === 'card.timeout' && reading && policy.size > policy.shortMax) policy.shrink();
      if (recover) {
        ch = await recover(e);
        selected = false; // a recovered chip has forgotten the current EF
      }
      continue;
    }
    if (bySfi !== undefined && sfi) {
      // 6A82 may mean "no such file" or "no such SFI": SELECT gives the definite answer.
      if (refusesSfi(resp.sw) || resp.sw === SW.FILE_NOT_FOUND) {
        if (resp.sw !== SW.FILE_NOT_FOUND) sfi.support.usable = false;
        trySfi = false;
        continue;
      }
      // A successful READ BINARY by SFI makes the file current; after a refusal, ask by SFI again.
      selected = resp.sw === SW.OK || resp.sw === SW.END_OF_FILE;
    }
    if (resp.sw === SW.WRONG_LENGTH) {
      if (total === undefined && !probe) {
        probe = true;
        continue;
      }
      if (!policy.shrink()) throw statusError(resp.sw, 'READ BINARY at the smallest chunk');
      continue;
    }
    if (isWrongLe(resp.sw)) {
      const hint = swLength(resp.sw);
      if (hint >= want) throw statusError(resp.sw, 'READ BINARY');
      // Before the length is known 6Cxx may say "the file is that short" or "that is my limit":
      // read what it names once, and let the file's header tell which.
      if (total === undefined) named = hint;
      else policy.shrink(hint);
      continue;
    }
    if (resp.sw !== SW.OK && resp.sw !== SW.END_OF_FILE) throw statusError(resp.sw, 'READ BINARY', 'file');
    const data = chunkData(cmd, resp.data);
    if (data.length === 0) {
      if (resp.sw === SW.END_OF_FILE) break;
      if (++failures > maxRetries) throw new CardError('card.protocol', 'READ BINARY keeps answering no data');
      continue;
    }
    failures = 0;
    probe = false;
    parts.push(data);
    offset += data.length;
    if (total === undefined) {
      const h = parseTlvHeader(concat(...parts));
      total = h.headerLength + h.valueLength;
      checkDeclared(fid, total, maxLength);
      // The Le the card named did not cover the file: it was the card's limit.
      if (wasNamed && offset < total) policy.shrink(want);
    }
    onProgress?.(Math.min(offset, total), total);
    // 6282: the card has nothing more; the parser will notice a truncated structure.
    if (resp.sw === SW.END_OF_FILE) break;
  }
  const file = concat(...parts);
  return total !== undefined && file.length > total ? file.slice(0, total) : file;
}
