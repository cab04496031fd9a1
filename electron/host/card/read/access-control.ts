/**
 * Opening the secure session the way the CCCD wants it: PACE with the CAN when EF.CardAccess
 * offers a PACE we implement, else (or when PACE is refused and an MRZ key is at hand) BAC.
 * The caller learns which one worked: the officer's report states it.
 */
import { CardError, isCardError } from '../errors';
import { performBac } from '../icao/access/bac';
import { choosePace, parseCardAccess, type PaceInfo } from '../icao/access/card-access';
import { performPace } from '../icao/access/pace';
import type { PacePassword } from '../icao/access/pace-crypto';
import type { MrzKeyInput } from '../icao/crypto/mrz-key';
import { ChunkPolicy, readFile } from '../icao/lds/file-reader';
import { MAX_FILE_LENGTH } from './files';
import type { CardSession } from '../icao/session';
import { expectOk } from '../iso7816/status';

export const CCCD_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);
const FID_CARD_ACCESS = 0x011c;

export type AccessProtocol = 'PACE-CAN' | 'PACE-MRZ' | 'BAC';

export interface AccessKeys {
  /** Card access number: the last 6 digits of the ID number. */
  can?: string;
  /** Document number (last 9 digits of the ID number), birth and expiry dates as YYMMDD. */
  mrz?: MrzKeyInput;
}

export interface AccessOutcome {
  protocol: AccessProtocol;
  /** Why PACE was not used, when BAC was. */
  paceSkipped?: 'not_offered' | 'refused';
}

async function readCardAccess(session: CardSession): Promise<Uint8Array> {
  // EF.CardAccess is tiny; short reads are always fine here.
  // By SFI 1C: one command instead of SELECT + READ (a card refusing SFI costs a SELECT). Le 0xDF:
  // the file is a few dozen bytes, and cards that refuse longer reads answer it at once.
  const policy = new ChunkPolicy({ extendedLength: false, max: 0xdf });
  const read = () => readFile(session.channel, FID_CARD_ACCESS, { policy, maxLength: MAX_FILE_LENGTH, sfi: { id: FID_CARD_ACCESS & 0x1f, support: { usable: true } } });
  try {
    return await read();
  } catch (e) {
    // A card left on the reader after an earlier read still holds that read's SM session: our
    // first plain command makes it drop the session (9303-11 §9.8.4) with 6987/6988. Once more.
    if (isCardError(e) && e.code === 'card.sm_invalid') return read();
    throw e;
  }
}

async function offeredPace(session: CardSession): Promise<PaceInfo | undefined> {
  try {
    return choosePace(parseCardAccess(await readCardAccess(session)));
  } catch (e) {
    // No EF.CardAccess (6A82), or one we cannot parse: a BAC-only chip as far as we are concerned.
    if (isCardError(e) && (e.code === 'card.file_not_found' || e.code === 'card.parse' || e.code === 'card.protocol')) return undefined;
    throw e;
  }
}

async function selectApplet(session: CardSession): Promise<void> {
  const r = await session.channel({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: CCCD_AID });
  if (r.sw === 0x6a82) throw new CardError('card.not_icao', 'eMRTD applet not found: not a chip ID card', r.sw);
  expectOk(r, 'SELECT eMRTD applet');
}

export async function openSecureSession(session: CardSession, keys: AccessKeys): Promise<AccessOutcome> {
  if (!keys.can && !keys.mrz) throw new CardError('card.access_denied', 'neither a CAN nor MRZ data to open the chip');
  const pace = await offeredPace(session);
  let paceSkipped: AccessOutcome['paceSkipped'] = pace ? undefined : 'not_offered';
  if (pace) {
    // CAN first (the CCCD's usual key), then the MRZ key; a refusal moves on to the next.
    const attempts: Array<[AccessProtocol, PacePassword]> = [];
    if (keys.can) attempts.push(['PACE-CAN', { kind: 'CAN', can: keys.can }]);
    if (keys.mrz) attempts.push(['PACE-MRZ', { kind: 'MRZ', mrz: keys.mrz }]);
    for (const [protocol, password] of attempts) {
      try {
        session.startSecureMessaging(await performPace(session.channel, pace, password));
        await selectApplet(session);
        return paceSkipped ? { protocol, paceSkipped } : { protocol };
      } catch (e) {
        if (!isCardError(e) || e.code !== 'card.access_denied') throw e;
        session.endSecureMessaging();
        paceSkipped = 'refused';
        if (!keys.mrz) throw e;
      }
    }
  }
  if (!keys.mrz) throw new CardError('card.access_denied', 'BAC needs the document number and dates');
  await selectApplet(session);
  session.startSecureMessaging(await performBac(session.channel, keys.mrz));
  return paceSkipped ? { protocol: 'BAC', paceSkipped } : { protocol: 'BAC' };
}
