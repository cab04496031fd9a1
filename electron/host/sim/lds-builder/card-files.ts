/**
 * Everything a virtual CCCD needs, from a CitizenIdentity: the LDS files by file identifier,
 * signed by a (test) document signer, plus the private keys the card side uses for chip and
 * active authentication. The emulator serves `files`; tests read them back through the parsers.
 */
import type { CitizenIdentity } from '../../../../shared/domain/citizen';
import type { HashName, SignatureScheme } from '../../card/icao/auth/algorithms';
import type { SessionCipher } from '../../card/icao/lds/security-infos';
import { createTestPki, type TestPki } from '../test-pki/pki';
import { generateKey, type KeyKind, type TestKey } from '../test-pki/keys';
import { buildCom } from './com';
import { buildDg1, composeTd1, type Td1Options } from './dg1';
import { buildDg13, type Dg13Options } from './dg13';
import { buildDg14, buildDg15 } from './dg14-15';
import { buildDg2, type PortraitInput } from './dg2';
import { buildSod } from './sod';
import { makeTestJpeg } from './test-images';

/** ICAO 9303-10 short file identifiers of the LDS 1 application. */
export const FILE_IDS = { COM: 0x011e, SOD: 0x011d, DG1: 0x0101, DG2: 0x0102, DG13: 0x010d, DG14: 0x010e, DG15: 0x010f } as const;
const DG_FILE: Readonly<Record<number, number>> = { 1: 0x0101, 2: 0x0102, 13: 0x010d, 14: 0x010e, 15: 0x010f };

export interface CardFilesOptions {
  pki?: TestPki;
  portrait?: PortraitInput;
  dgHash?: HashName;
  sodScheme?: SignatureScheme;
  signingTime?: Date;
  aaKey?: KeyKind;
  caKey?: KeyKind;
  caCipher?: SessionCipher;
  td1?: Td1Options;
  dg13?: Dg13Options;
  /** Replace a data group after the SOD is signed (a tampered card). */
  tamper?: Partial<Record<number, Uint8Array>>;
}

export interface CardFiles {
  /** File identifier → content. */
  files: Map<number, Uint8Array>;
  dataGroups: Map<number, Uint8Array>;
  mrz: string;
  pki: TestPki;
  aaKey: TestKey;
  caKey: TestKey;
}

export function buildCardFiles(id: CitizenIdentity, o: CardFilesOptions = {}): CardFiles {
  const pki = o.pki ?? createTestPki();
  const aaKey = generateKey(o.aaKey ?? 'rsa-1024');
  const caKey = generateKey(o.caKey ?? 'ec-p256');
  const mrz = composeTd1(id, o.td1);
  const portrait = o.portrait ?? { bytes: makeTestJpeg(), kind: 'jpeg', width: 120, height: 160 };
  const dataGroups = new Map<number, Uint8Array>([
    [1, buildDg1(mrz)],
    [2, buildDg2([portrait])],
    [13, buildDg13(id, o.dg13)],
    [14, buildDg14({ caPublicKeySpki: caKey.spki, cipher: o.caCipher ?? 'AES-128', ...(aaKey.kind.startsWith('ec-') ? { aaSignatureAlgorithm: '0.4.0.127.0.7.1.1.4.1.3' } : {}) })],
    [15, buildDg15(aaKey.spki)],
  ]);
  const sod = buildSod(dataGroups, {
    cert: pki.ds,
    ...(o.sodScheme ? { scheme: o.sodScheme } : {}),
    ...(o.dgHash ? { dgHash: o.dgHash } : {}),
    ...(o.signingTime ? { signingTime: o.signingTime } : {}),
  });
  for (const [dg, bytes] of Object.entries(o.tamper ?? {})) if (bytes) dataGroups.set(Number(dg), bytes);
  const files = new Map<number, Uint8Array>([
    [FILE_IDS.COM, buildCom([...dataGroups.keys()])],
    [FILE_IDS.SOD, sod],
  ]);
  for (const [dg, bytes] of dataGroups) {
    const fid = DG_FILE[dg];
    if (fid !== undefined) files.set(fid, bytes);
  }
  return { files, dataGroups, mrz, pki, aaKey, caKey };
}
