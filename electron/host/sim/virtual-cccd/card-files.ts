import { sfiOf } from '../../card/read/files';

/**
 * The virtual chip's file system: elementary files by FID and short EF identifier, each with the
 * access rule a CCCD applies to it.
 */
export type FileAccess =
  /** Readable without access control (EF.CardAccess). */
  | 'free'
  /** Readable only inside a secure-messaging session opened by BAC or PACE. */
  | 'sm'
  /** Needs terminal authentication (EAC), which no kiosk has: always 6982 (DG3 fingerprints). */
  | 'locked';

export interface CardFile {
  fid: number;
  content: Uint8Array;
  access: FileAccess;
  /** A file longer than its content (a hostile card's endless file): the rest reads as 00. */
  fillTo?: number;
}

export function fileSize(file: CardFile): number {
  return Math.max(file.content.length, file.fillTo ?? 0);
}

/** `n` bytes from `offset`, the filler past the content included. */
export function fileBytes(file: CardFile, offset: number, n: number): Uint8Array {
  const end = Math.min(offset + n, fileSize(file));
  if (end <= file.content.length) return file.content.slice(offset, end);
  const out = new Uint8Array(Math.max(0, end - offset));
  if (offset < file.content.length) out.set(file.content.subarray(offset));
  return out;
}

export const FID = {
  CARD_ACCESS: 0x011c,
  COM: 0x011e,
  SOD: 0x011d,
  DG1: 0x0101,
  DG2: 0x0102,
  DG3: 0x0103,
  DG11: 0x010b,
  DG13: 0x010d,
  DG14: 0x010e,
  DG15: 0x010f,
} as const;


export class CardFileSystem {
  private readonly byFid = new Map<number, CardFile>();

  constructor(files: readonly CardFile[]) {
    for (const f of files) this.byFid.set(f.fid, f);
  }

  get(fid: number): CardFile | undefined {
    return this.byFid.get(fid);
  }

  bySfi(sfi: number): CardFile | undefined {
    for (const f of this.byFid.values()) if (sfiOf(f.fid) === sfi && (f.fid & 0xff00) === 0x0100) return f;
    return undefined;
  }
}
