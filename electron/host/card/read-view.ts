/**
 * What the officer sees of a chip read: the identity, the portrait as a data: URL, each check
 * apart and one overall verdict, and every disagreement with the QR code or typed data.
 */
import { MAX_PORTRAIT_URL, type CardReadView, type CardVerificationView } from '../../../shared/contract/card';
import { crossCheck, type SourceValues } from '../../../shared/domain/cross-check';
import { parseYymmdd } from '../../../shared/domain/dates';
import { checkIdNumberAgainst } from '../../../shared/domain/id-number';
import { CardError } from './errors';
import { parseDg1 } from './icao/lds/dg1';
import { toDisplayImage } from './icao/lds/dg2-image';
import { PortraitTooLarge } from './icao/lds/portrait-guard';
import type { CardReadResult, CardVerification } from './read-card';

export interface Claimed {
  source: 'qr' | 'typed';
  idNumber?: string;
  fullName?: string;
  dateOfBirth?: string;
}

export function overallVerdict(v: Omit<CardVerificationView, 'overall'>): CardVerificationView['overall'] {
  const hashesBad = v.hashes.some((h) => h.status === 'mismatch');
  // A certificate used outside its purpose (a CA as document signer, a non-CA as CSCA) breaks the chain as surely as a bad signature.
  const chainBroken = v.chain.status === 'untrusted' || v.chain.status === 'ds_wrong_purpose' || v.chain.status === 'csca_wrong_purpose';
  if (v.signature === 'invalid' || hashesBad || v.activeAuth === 'failed' || v.chipAuth === 'failed' || chainBroken) {
    return 'failed';
  }
  // Every data group the SOD lists must be read and match, except the EAC-protected biometrics
  // (DG3 fingerprints, DG4 iris) a kiosk cannot open. A chip that withholds DG2, DG14 or DG15
  // (answering "not found") could be hiding what would expose it; an unsigned extra file likewise.
  const EAC_PROTECTED = new Set([3, 4]);
  const complete =
    v.hashes.some((h) => h.status === 'match') &&
    v.hashes.every((h) => h.status === 'match' || (h.status === 'not_read' && EAC_PROTECTED.has(h.dg))) &&
    v.notInSod.length === 0;
  const cloneChecked = v.activeAuth === 'passed' || v.chipAuth === 'passed';
  return v.chain.status === 'trusted' && complete && cloneChecked ? 'genuine' : 'unverified';
}

export function verificationView(v: CardVerification): CardVerificationView {
  const base: Omit<CardVerificationView, 'overall'> = {
    accessControl: v.accessControl,
    signature: v.passive.signature,
    chain: {
      status: v.passive.chain.status,
      issuer: v.passive.chain.issuer,
      ...(v.passive.chain.anchor ? { anchor: v.passive.chain.anchor.subject } : {}),
      ...(v.passive.chain.detail ? { detail: v.passive.chain.detail } : {}),
    },
    hashes: v.passive.hashes,
    notInSod: v.passive.notInSod,
    activeAuth: v.chip.activeAuth,
    chipAuth: v.chip.chipAuth,
    ...(v.chip.detail ? { chipDetail: v.chip.detail.slice(0, 500) } : {}),
    dg3: v.dg3,
  };
  return { ...base, overall: overallVerdict(base) };
}

/** The portrait as a data: URL the UI can show; a damaged or oversized one is a warning, not a failed read. */
async function portraitView(result: CardReadResult): Promise<Pick<CardReadView, 'portrait' | 'portraitFormat' | 'warnings'>> {
  if (!result.portrait) {
    if (result.refused.some((r) => r.file === 'DG2')) return { portrait: null, portraitFormat: 'none', warnings: ['portrait_too_large'] };
    return { portrait: null, portraitFormat: 'none', warnings: result.files.has(2) ? ['portrait_unreadable'] : [] };
  }
  const portraitFormat = result.portrait.mime === 'image/jpeg' ? 'jpeg' : 'jpeg2000';
  try {
    const img = await toDisplayImage(result.portrait);
    const url = `data:${img.mime};base64,${Buffer.from(img.bytes).toString('base64')}`;
    if (url.length > MAX_PORTRAIT_URL) return { portrait: null, portraitFormat, warnings: ['portrait_too_large'] };
    return { portrait: url, portraitFormat, warnings: [] };
  } catch (e) {
    if (e instanceof PortraitTooLarge) return { portrait: null, portraitFormat, warnings: ['portrait_too_large'] };
    if (e instanceof CardError) return { portrait: null, portraitFormat, warnings: ['portrait_unreadable'] };
    throw e;
  }
}

export async function readView(result: CardReadResult, claimed: Claimed | undefined, today: string): Promise<CardReadView> {
  const { identity } = result;
  const dg1Bytes = result.files.get(1);
  const dg1 = dg1Bytes ? parseDg1(dg1Bytes) : undefined;
  const sources: Partial<Record<'dg1' | 'dg13' | 'qr' | 'typed', SourceValues>> = {
    dg13: { idNumber: identity.idNumber, fullName: identity.fullName, dateOfBirth: identity.dateOfBirth },
  };
  if (dg1) {
    const dob = parseYymmdd(dg1.dateOfBirth, 'birth', today);
    sources.dg1 = { ...(dg1.idNumber ? { idNumber: dg1.idNumber } : {}), fullName: dg1.nameField, ...(dob ? { dateOfBirth: dob } : {}) };
  }
  if (claimed) {
    const { source, ...values } = claimed;
    sources[source] = values;
  }
  const { portrait, portraitFormat, warnings } = await portraitView(result);
  return {
    identity,
    portrait,
    portraitFormat,
    verification: verificationView(result.verification),
    disagreements: crossCheck(sources).map((d) => ({ field: d.field, values: d.values })),
    warnings,
    idWarnings: checkIdNumberAgainst(identity.idNumber, identity.dateOfBirth, identity.sex).map((w) => w.code),
    stats: { apdus: result.stats.apdus, ms: Math.round(result.stats.ms), readerName: result.stats.readerName, chunkSize: result.stats.chunkSize },
  };
}
