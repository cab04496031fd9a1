/** Keys and inputs for the packet tests and the reference upstream's tests (synthetic data only). */
import { makePortraitJpeg } from '../../sim/virtual-cccd/portrait';
import { buildCardFiles, FILE_IDS } from '../../sim/lds-builder/card-files';
import { NHUNG } from '../../sim/lds-builder/sample-citizens';
import type { TestPki } from '../../sim/test-pki/pki';
import { sampleDossier } from '../../store/test-dossier';
import type { PacketInput, PacketKeys } from './build';
import { generateEncryptionKey, generateSigningKey, type JwkPair } from './keys';
import type { ChipFilePart } from './manifest';

export interface TestKeys {
  keys: PacketKeys;
  signing: JwkPair;
  encryption: JwkPair;
}

export async function testKeys(deviceId = 'KIOSK-TEST0001'): Promise<TestKeys> {
  const [signing, encryption] = await Promise.all([generateSigningKey(), generateEncryptionKey()]);
  return { keys: { deviceId, signingKey: signing.privateJwk, upstreamKey: encryption.publicJwk }, signing, encryption };
}

/** The chip files of a genuine read of the synthetic citizen, signed by `pki` (a fresh test PKI if none). */
export function chipFilesOf(pki?: TestPki): Partial<Record<ChipFilePart, Uint8Array>> {
  const card = buildCardFiles(NHUNG, { ...(pki ? { pki } : {}), portrait: { bytes: makePortraitJpeg(240, 320, 1990, 75).bytes, kind: 'jpeg', width: 240, height: 320 } });
  const f = (id: number) => card.files.get(id)!;
  return { ef_com: f(FILE_IDS.COM), ef_sod: f(FILE_IDS.SOD), dg1: f(FILE_IDS.DG1), dg2: f(FILE_IDS.DG2), dg13: f(FILE_IDS.DG13), dg14: f(FILE_IDS.DG14), dg15: f(FILE_IDS.DG15) };
}

export function sampleInput(dossierId = 'HS-ABCDEFGH23', chipFiles: Partial<Record<ChipFilePart, Uint8Array>> = chipFilesOf()): PacketInput {
  const body = sampleDossier();
  // Fixed times: the same dossier must give the same packet content.
  body.consent = { termsVersion: '2026-01', citizenAgreedAt: '2026-11-30T01:05:00.000Z', officerConfirmedAt: '2026-11-30T01:05:10.000Z' };
  const { evidence: _e, ...portrait } = body.portrait!;
  return {
    dossierId,
    station: body.station,
    createdAt: '2026-11-30T01:00:00.000Z',
    submittedAt: '2026-11-30T01:10:00.000Z',
    approvedAt: '2026-11-30T01:20:00.000Z',
    officerId: 'o-1',
    supervisorId: 's-1',
    dossier: { ...body, portrait },
    livePortrait: makePortraitJpeg(480, 640, 2026, 90).bytes,
    chipPortrait: makePortraitJpeg(240, 320, 1990, 75).bytes,
    chipFiles,
    liveness: { ...portrait, evidence: [] },
  };
}
