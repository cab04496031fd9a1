/**
 * Which files a kiosk reads from a CCCD and what it does when one is not there: EF.SOD, DG1 and
 * DG13 are required; DG2, DG14, DG15 and EF.COM are read when present; DG3 is only probed,
 * because without EAC it answers 6982 and that is the expected, healthy answer.
 */
import { isCardError, type CardError } from '../errors';
import { readFile, selectEf, type ChunkPolicy } from '../icao/lds/file-reader';
import type { ApduChannel } from '../icao/session';

export interface LdsFileSpec {
  name: string;
  fid: number;
  /** Data group number (0 for EF.COM / EF.SOD, which are not hashed). */
  dg: number;
  required: boolean;
}

export const CCCD_FILES: readonly LdsFileSpec[] = [
  { name: 'EF.COM', fid: 0x011e, dg: 0, required: false },
  { name: 'EF.SOD', fid: 0x011d, dg: 0, required: true },
  { name: 'DG1', fid: 0x0101, dg: 1, required: true },
  { name: 'DG13', fid: 0x010d, dg: 13, required: true },
  { name: 'DG14', fid: 0x010e, dg: 14, required: false },
  { name: 'DG15', fid: 0x010f, dg: 15, required: false },
  // Last: the largest file, and the one a hand pulling the card away interrupts most.
  { name: 'DG2', fid: 0x0102, dg: 2, required: false },
];

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

/** Reads one file; undefined when an optional file is absent (6A82). */
export async function readLdsFile(
  channel: ApduChannel,
  spec: LdsFileSpec,
  policy: ChunkPolicy,
  onProgress?: (p: FileProgress) => void,
  recover?: (error: CardError) => Promise<ApduChannel>,
): Promise<Uint8Array | undefined> {
  try {
    return await readFile(channel, spec.fid, {
      policy,
      ...(recover ? { recover } : {}),
      ...(onProgress ? { onProgress: (bytesRead: number, totalBytes: number) => onProgress({ file: spec.name, bytesRead, totalBytes }) } : {}),
    });
  } catch (e) {
    if (!spec.required && isCardError(e) && e.code === 'card.file_not_found') return undefined;
    throw e;
  }
}
