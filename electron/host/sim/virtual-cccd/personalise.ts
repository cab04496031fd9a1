/**
 * Personalises the virtual chip from a synthetic citizen: the LDS files come from the data
 * layer's builders (the same code paths a test of the parsers uses), the access keys from the
 * citizen's ID number and dates as on a real CCCD.
 */
import type { CitizenIdentity } from '../../../../shared/domain/citizen';
import { toYymmdd } from '../../../../shared/domain/dates';
import { documentNumberFromId } from '../../../../shared/domain/id-number';
import type { MrzKeyInput } from '../../card/icao/crypto/mrz-key';
import type { SessionCipher } from '../../card/icao/lds/security-infos';
import { buildCom } from '../lds-builder/com';
import { buildDg1, composeTd1 } from '../lds-builder/dg1';
import { buildDg13 } from '../lds-builder/dg13';
import type { KeyObject } from 'node:crypto';
import { buildDg14, buildDg15 } from '../lds-builder/dg14-15';
import { buildDg2 } from '../lds-builder/dg2';
import { generateKey } from '../test-pki/keys';
import { buildSod } from '../lds-builder/sod';
import { makeTestJ2k, wrapJp2 } from '../lds-builder/test-images';
import { makePortraitJpeg } from './portrait';
import { buildCardAccess } from './card-access';
import { signerFor } from './card-issuer';
import { FID, type CardFile } from './card-files';
import type { CardVariant } from './variants';
import { OVERSIZED_DECLARED_LENGTH, type CardQuirk } from './quirks';

export interface CardSecrets {
  /** What BAC derives its keys from (document number, birth and expiry as in the MRZ). */
  mrz: MrzKeyInput;
  /** PACE card access number: the last 6 digits of the ID number. */
  can: string;
}

export interface PersonalisedCard {
  files: CardFile[];
  secrets: CardSecrets;
  mrz: string;
  /** Private keys the chip uses: for a clone, not the ones DG14/DG15 publish. */
  chipKeys: { activeAuth: KeyObject; chipAuth: KeyObject };
}

export function cardSecrets(citizen: CitizenIdentity, mrzText: string): CardSecrets {
  // The expiry in the BAC key is what the MRZ says, including the no-expiry filler.
  const line2 = mrzText.slice(30, 60);
  return {
    mrz: {
      documentNumber: documentNumberFromId(citizen.idNumber),
      dateOfBirth: toYymmdd(citizen.dateOfBirth) ?? line2.slice(0, 6),
      dateOfExpiry: line2.slice(8, 14),
    },
    can: citizen.idNumber.slice(-6),
  };
}

const DG_FID: Record<number, number> = { 1: FID.DG1, 2: FID.DG2, 3: FID.DG3, 13: FID.DG13, 14: FID.DG14, 15: FID.DG15 };

/** A DG3 that only says "fingerprints are here": its content is never readable anyway. */
const DG3_PLACEHOLDER = Uint8Array.of(0x63, 0x03, 0x7f, 0x61, 0x00);

export type Dg2Container = '19794-5' | '39794-5';

async function portraitDg2(variant: CardVariant, container: Dg2Container, big: boolean, own?: PortraitJpeg): Promise<Uint8Array> {
  if (own) return buildDg2([{ ...own, kind: 'jpeg' }], container);
  if (variant === 'jpeg2000') {
    const { codestream } = await makeTestJ2k(240, 320);
    return buildDg2([{ bytes: wrapJp2(codestream, 240, 320), kind: 'jpeg2000', width: 240, height: 320 }]);
  }
  // A high-resolution portrait (~47 KB): DG2 passes the 32 KB that READ BINARY B0 can address.
  const p = big ? makePortraitJpeg(360, 480) : makePortraitJpeg();
  const portrait = { bytes: p.bytes, kind: 'jpeg' as const, width: p.width, height: p.height };
  return buildDg2([portrait], container);
}

/** A JPEG portrait of one's own for DG2 (tests: a card carrying a real face), with its size. */
export interface PortraitJpeg {
  bytes: Uint8Array;
  width: number;
  height: number;
}

export interface PersonaliseOptions {
  /** DG2's portrait instead of the synthetic one. */
  portrait?: PortraitJpeg;
  /** ISO/IEC 39794-5 is what readers must accept from 2026; 19794-5 is today's (default). */
  dg2Container?: Dg2Container;
  /** Session cipher of chip authentication: AES-128 (default, MSE:Set AT + GA) or 3DES (MSE:Set KAT). */
  caCipher?: SessionCipher;
  quirks?: readonly CardQuirk[];
}

/**
 * DG2 as the `oversized-dg2` card has it: a header announcing 4 GiB, the real portrait after it,
 * and filler for every offset a reader asks about.
 */
function oversized(dg2: Uint8Array): CardFile {
  const value = dg2.subarray(dg2[1] === 0x82 ? 4 : dg2[1] === 0x83 ? 5 : 2);
  const content = Uint8Array.of(0x75, 0x84, 0xff, 0xff, 0xff, 0xff, ...value);
  return { fid: FID.DG2, content, access: 'sm', fillTo: 6 + OVERSIZED_DECLARED_LENGTH };
}

export async function personalise(citizen: CitizenIdentity, variant: CardVariant, options: PersonaliseOptions = {}): Promise<PersonalisedCard> {
  const mrz = composeTd1(citizen);
  const quirks = new Set(options.quirks ?? []);
  // RSA-1024 for AA (ISO 9796-2, as most eMRTDs) and P-256 for CA with AES-128 session keys;
  // RSA-2048 for the quirks about an AA answer that does not fit a short response.
  const aaKind = quirks.has('ia-extended-only') || quirks.has('short-overflow') ? 'rsa-2048' : 'rsa-1024';
  const aaKey = generateKey(aaKind);
  const caKey = generateKey('ec-p256');
  const groups = new Map<number, Uint8Array>([
    [1, buildDg1(mrz)],
    [2, await portraitDg2(variant, options.dg2Container ?? '19794-5', quirks.has('big-dg2'), options.portrait)],
    [3, DG3_PLACEHOLDER],
    [13, buildDg13(citizen)],
    [14, buildDg14({ caPublicKeySpki: caKey.spki, cipher: options.caCipher ?? 'AES-128' })],
    [15, buildDg15(aaKey.spki)],
  ]);
  // A clone copies every file but cannot extract the private keys: it brings its own.
  const chipKeys =
    variant === 'cloned'
      ? { activeAuth: generateKey(aaKind).privateKey, chipAuth: generateKey('ec-p256').privateKey }
      : { activeAuth: aaKey.privateKey, chipAuth: caKey.privateKey };
  const signer = signerFor(variant);
  const sod = buildSod(groups, {
    cert: signer,
    // The expired DS signed while it was still valid; only "now" is past its validity.
    ...(variant === 'expired-ds' ? { signingTime: signer.cert.notBefore.value } : {}),
    ...(quirks.has('ber-sod') ? { berContent: true } : {}),
  });
  // A forger's edit after signing: a different address, the SOD still hashes the original.
  if (variant === 'tampered-dg') groups.set(13, buildDg13({ ...citizen, placeOfResidence: 'Số 99 Phố Giả, Hoàn Kiếm, Hà Nội' }));
  const files: CardFile[] = [
    { fid: FID.COM, content: buildCom([...groups.keys()].sort((a, b) => a - b)), access: 'sm' },
    { fid: FID.SOD, content: sod, access: 'sm' },
  ];
  for (const [n, content] of groups) {
    const fid = DG_FID[n];
    // DG3 exists but needs EAC: a kiosk always gets 6982.
    if (fid === FID.DG2 && quirks.has('oversized-dg2')) files.push(oversized(content));
    else if (fid !== undefined) files.push({ fid, content, access: n === 3 ? 'locked' : 'sm' });
  }
  if (variant !== 'bac-only') files.push({ fid: FID.CARD_ACCESS, content: buildCardAccess(), access: 'free' });
  return { files, secrets: cardSecrets(citizen, mrz), mrz, chipKeys };
}
