/**
 * Which files a kiosk reads from a CCCD and what it does when one is not there: EF.SOD, DG1 and
 * DG13 are required; DG2, DG14, DG15 and EF.COM are read when present; DG3 is only probed,
 * because without EAC it answers 6982 and that is the expected, healthy answer.
 */
import { isCardError, type CardError } from '../errors';
import { readFile, selectEf, type ChunkPolicy, type SfiSupport } from '../icao/lds/file-reader';
import type { ApduChannel } from '../icao/session';

export interface LdsFileSpec {
  name: string;
  fid: number;
  /** Data group number (0 for EF.COM / EF.SOD, which are not hashed). */
  dg: number;
  required: boolean;
  /** The most a genuine file of this kind declares: a high-resolution portrait, or 64 KB. */
  maxLength: number;
}

const KB = 1024;
/** DG2 up to 1 MB, every other LDS file up to 64 KB: beyond that a card is stalling the read. */
export const MAX_DG2_LENGTH = 1024 * KB;
export const MAX_FILE_LENGTH = 64 * KB;

export const CCCD_FILES: readonly LdsFileSpec[] = [
  { name: 'EF.COM', fid: 0x011e, dg: 0, required: false, maxLength: MAX_FILE_LENGTH },
  { name: 'EF.SOD', fid: 0x011d, dg: 0, required: true, maxLength: MAX_FILE_LENGTH },
  { name: 'DG1', fid: 0x0101, dg: 1, required: true, maxLength: MAX_FILE_LENGTH },
  { name: 'DG13', fid: 0x010d, dg: 13, required: true, maxLength: MAX_FILE_LENGTH },
  { name: 'DG14', fid: 0x010e, dg: 14, required: false, maxLength: MAX_FILE_LENGTH },
  { name: 'DG15', fid: 0x010f, dg: 15, required: false, maxLength: MAX_FILE_LENGTH },
  // Last: the largest file, and the one a hand pulling the card away interrupts most.
  { name: 'DG2', fid: 0x0102, dg: 2, required: false, maxLength: MAX_DG2_LENGTH },
];

/** ICAO 9303-10 §3.11: the short EF identifier of an LDS file is the low byte of its FID. */
export const sfiOf = (fid: number): number => fid & 0x1f;

export type Dg3State = 'locked' | 'absent' | 'readable';

export async function probeDg3(channel: ApduChannel): Promise<Dg3State> {
  const r = await selectEf(channel, 0x0103);
  if (r.sw === 0x6982) return 'locked';
  if (r.sw === 0x9000) return 'readable';
  return 'absent';
}

export interface FileProgress {
  file: string;
  bytesRead: number;
  totalBytes: number;
}

/**
 * Reads one file; undefined when an optional file is absent (6A82). `sfi`: shared by the files
 * of one read, to read each by its short EF identifier while the card allows it.
 */
export async function readLdsFile(
  channel: ApduChannel,
  spec: LdsFileSpec,
  policy: ChunkPolicy,
  onProgress?: (p: FileProgress) => void,
  recover?: (error: CardError) => Promise<ApduChannel>,
  sfi?: SfiSupport,
): Promise<Uint8Array | undefined> {
  try {
    return await readFile(channel, spec.fid, {
      policy,
      maxLength: spec.maxLength,
      ...(sfi ? { sfi: { id: sfiOf(spec.fid), support: sfi } } : {}),
      ...(recover ? { recover } : {}),
      ...(onProgress ? { onProgress: (bytesRead: number, totalBytes: number) => onProgress({ file: spec.name, bytesRead, totalBytes }) } : {}),
    });
  } catch (e) {
    if (!spec.required && isCardError(e) && e.code === 'card.file_not_found') return undefined;
    throw e;
  }
}
