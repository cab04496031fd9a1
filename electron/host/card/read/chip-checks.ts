/**
 * Clone detection after the files are read. Active authentication: the chip signs our random
 * challenge with the DG15 key. Chip authentication: key agreement with the DG14 key, then secure
 * messaging restarts under the new keys; only the holder of the private key can answer the next
 * command with a valid MAC. Each result is reported separately; a chip that offers neither says
 * so ('not_supported'), which is not the same as failing.
 */
import { randomBytes } from 'node:crypto';
import { CardError, isCardError } from '../errors';
import { MAX_EXTENDED_LE, MAX_SHORT_LE } from '../iso7816/apdu';
import { SW, swHex } from '../iso7816/status';
import { verifyActiveAuth } from '../icao/auth/active-auth';
import { chipAuthTerminal } from '../icao/auth/chip-auth';
import { AES_SUITE, TDES_SUITE } from '../icao/crypto/suite';
import { chipAuthenticationOptions, parseDg14, type Dg14 } from '../icao/lds/dg14';
import { parseDg15 } from '../icao/lds/dg15';
import { selectEf } from '../icao/lds/file-reader';
import type { CardSession } from '../icao/session';
import { createSmSession } from '../icao/sm/sm-session';
import { encodeOid } from '../iso7816/asn1';
import { concat, equalBytes } from '../iso7816/bytes';
import { encodeTlv } from '../iso7816/tlv';

export type ChipCheckResult = 'passed' | 'failed' | 'not_supported';

export interface ChipChecks {
  activeAuth: ChipCheckResult;
  chipAuth: ChipCheckResult;
  /** Why a check failed (technical English, no personal data). */
  detail?: string;
}

async function activeAuth(session: CardSession, dg15Bytes: Uint8Array, dg14: Dg14 | undefined): Promise<{ result: ChipCheckResult; why?: string }> {
  const dg15 = parseDg15(dg15Bytes);
  const challenge = new Uint8Array(randomBytes(8));
  const ask = (le: number) => session.channel({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: challenge, le });
  let r = await ask(MAX_SHORT_LE);
  // An RSA-2048 answer does not fit a short response: such a card refuses Le = 00 with 6700.
  if (r.sw === SW.WRONG_LENGTH) r = await ask(MAX_EXTENDED_LE);
  // A refusal is no signature at all, good or bad: it says nothing about a copy.
  if (r.sw !== SW.OK) return { result: 'not_supported', why: `active authentication not performed: INTERNAL AUTHENTICATE answered ${swHex(r.sw)}` };
  const aaInfo = dg14?.infos.find((i) => i.type === 'ActiveAuthenticationInfo');
  const check = verifyActiveAuth(dg15, challenge, r.data, aaInfo?.type === 'ActiveAuthenticationInfo' ? aaInfo.signatureAlgorithm : undefined);
  return check.valid ? { result: 'passed' } : { result: 'failed', why: `active authentication: ${check.reason}` };
}

/** `expected`: the first bytes of EF.COM as read before, to compare with what the chip sends under the new keys. */
async function chipAuth(session: CardSession, dg14: Dg14, expected: Uint8Array): Promise<{ result: ChipCheckResult; why?: string }> {
  const option = chipAuthenticationOptions(dg14).find((o) => o.publicKey.agreement === 'ECDH');
  if (!option) return { result: 'not_supported', why: 'only DH chip authentication offered' };
  const cipher = option.info?.cipher ?? '3DES';
  const t = chipAuthTerminal(option.publicKey.publicKey, 'ECDH', cipher);
  const keyRef = option.publicKey.keyId !== undefined ? encodeTlv(0x84, Uint8Array.of(option.publicKey.keyId)) : new Uint8Array();
  const expectOk = (sw: number, step: string) => {
    if (sw !== 0x9000) throw new CardError('card.crypto', `chip authentication ${step} answered ${sw.toString(16)}`, sw);
  };
  if (cipher === '3DES') {
    const r = await session.channel({ cla: 0, ins: 0x22, p1: 0x41, p2: 0xa6, data: concat(encodeTlv(0x91, t.ephemeralPublicKey), keyRef) });
    expectOk(r.sw, 'MSE:Set KAT');
  } else {
    const oid = option.info?.protocol;
    if (!oid) return { result: 'not_supported', why: 'no ChipAuthenticationInfo for the AES key' };
    expectOk((await session.channel({ cla: 0, ins: 0x22, p1: 0x41, p2: 0xa4, data: concat(encodeTlv(0x80, encodeOid(oid)), keyRef) })).sw, 'MSE:Set AT');
    const ga = await session.channel({ cla: 0, ins: 0x86, p1: 0, p2: 0, data: encodeTlv(0x7c, encodeTlv(0x80, t.ephemeralPublicKey)), le: 256 });
    expectOk(ga.sw, 'GENERAL AUTHENTICATE');
  }
  session.startSecureMessaging(createSmSession(cipher === '3DES' ? TDES_SUITE : AES_SUITE, t.ksEnc, t.ksMac));
  try {
    // Only a MAC-verified answer carrying data we already hold proves the chip derived the same
    // keys, i.e. holds the DG14 private key. An error status may come back unprotected (and so
    // unauthenticated): a clone could send a plain 6A82, so no status word alone counts as a pass.
    const select = await selectEf(session.channel, 0x011e);
    if (select.sw !== 0x9000) return { result: 'failed', why: `after chip authentication: SELECT EF.COM answered ${select.sw.toString(16)}` };
    const read = await session.channel({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: expected.length });
    if (read.sw !== 0x9000 || !equalBytes(read.data, expected)) return { result: 'failed', why: 'after chip authentication: EF.COM not returned under the new keys' };
    return { result: 'passed' };
  } catch (e) {
    if (isCardError(e) && e.code === 'card.sm_invalid') return { result: 'failed', why: 'chip could not continue with the chip-authentication keys' };
    throw e;
  }
}

export async function chipChecks(session: CardSession, files: ReadonlyMap<number, Uint8Array>): Promise<ChipChecks> {
  const dg14Bytes = files.get(14);
  const dg15Bytes = files.get(15);
  const dg14 = dg14Bytes ? parseDg14(dg14Bytes) : undefined;
  const why: string[] = [];
  const settle = async (run: () => Promise<{ result: ChipCheckResult; why?: string }>): Promise<ChipCheckResult> => {
    try {
      const r = await run();
      if (r.why) why.push(r.why);
      return r.result;
    } catch (e) {
      // The card leaving the field is not a verdict on the chip: let the caller retry.
      if (isCardError(e) && (e.code === 'card.removed' || e.code === 'card.timeout' || e.code === 'card.no_reader')) throw e;
      why.push(e instanceof Error ? e.message : String(e));
      // An algorithm we do not implement (or cannot parse), or an answer the reader cannot
      // carry, is not evidence of a copy.
      if (isCardError(e) && (e.code === 'card.unsupported' || e.code === 'card.parse' || e.code === 'card.reader_limit')) return 'not_supported';
      return 'failed';
    }
  };
  // AA first: CA replaces the session keys, and a failed CA ends the session.
  const aa = dg15Bytes ? await settle(() => activeAuth(session, dg15Bytes, dg14)) : 'not_supported';
  const com = files.get(0x1e);
  const ca = dg14 && com ? await settle(() => chipAuth(session, dg14, com.slice(0, 16))) : 'not_supported';
  return { activeAuth: aa, chipAuth: ca, ...(why.length ? { detail: why.join('; ') } : {}) };
}
