/**
 * Passive authentication (ICAO 9303-11 §5.1): three separate answers, because each means something
 * different to the officer. `signature`: the SOD was signed by the DS certificate it carries.
 * `chain`: that DS chains to a CSCA we trust (or no anchor is known for its issuer, which for
 * CCCD cards is an honest possibility). `hashes`: each data group read matches the SOD.
 */
import { bytesEqual } from '../lds/der';
import type { Sod } from '../lds/sod';
import { dnToString, summarize, validAt, type CertSummary } from './cert-info';
import { verifyCms } from './cms-verify';
import { cscaPurposeProblem, dsPurposeProblem } from './cert-purpose';
import { digest } from './signature';
import type { TrustStore } from './trust-store';

/** `ds_wrong_purpose` / `csca_wrong_purpose`: the chain verifies but a certificate is not made for its role (cert-purpose.ts). */
export type ChainStatus = 'trusted' | 'untrusted' | 'no_anchor' | 'expired' | 'ds_wrong_purpose' | 'csca_wrong_purpose';

export interface ChainResult {
  status: ChainStatus;
  /** The DS certificate's issuer DN: what to look for when importing an anchor. */
  issuer: string;
  /** The CSCA that verified the DS, when one did. */
  anchor?: CertSummary;
  dsValidNow: boolean;
  dsValidAtSigning?: boolean;
  detail?: string;
}

export interface HashResult {
  dg: number;
  status: 'match' | 'mismatch' | 'not_read';
}

export interface PassiveAuthReport {
  signature: 'valid' | 'invalid';
  signatureDetail?: string;
  chain: ChainResult;
  hashes: HashResult[];
  /** Data groups read but absent from the SOD: a card that adds unsigned files is suspicious. */
  notInSod: number[];
  hashAlgorithm: string;
  ds?: CertSummary;
  signingTime?: string;
}

export function compareHashes(sod: Sod, dataGroups: ReadonlyMap<number, Uint8Array>): { hashes: HashResult[]; notInSod: number[] } {
  const hashes = [...sod.dataGroupHashes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([dg, expected]): HashResult => {
      const bytes = dataGroups.get(dg);
      if (!bytes) return { dg, status: 'not_read' };
      return { dg, status: bytesEqual(digest(sod.hashAlgorithm, bytes), expected) ? 'match' : 'mismatch' };
    });
  const notInSod = [...dataGroups.keys()].filter((dg) => !sod.dataGroupHashes.has(dg)).sort((a, b) => a - b);
  return { hashes, notInSod };
}

function chainOf(sod: Sod, store: TrustStore, now: Date, signingTime?: Date): ChainResult {
  const ds = sod.dsCertificate;
  if (!ds) return { status: 'no_anchor', issuer: '', dsValidNow: false, detail: 'the SOD carries no DS certificate' };
  const issuer = dnToString(ds.issuer);
  const dsValidNow = validAt(ds, now);
  const dsValidAtSigning = signingTime ? validAt(ds, signingTime) : undefined;
  const base = { issuer, dsValidNow, ...(dsValidAtSigning !== undefined ? { dsValidAtSigning } : {}) };
  const candidates = store.candidatesFor(ds);
  if (candidates.length === 0) return { status: 'no_anchor', ...base };
  const anchor = store.issuerOf(ds);
  if (!anchor) return { status: 'untrusted', ...base, detail: 'no trusted CSCA with this name verifies the DS certificate' };
  const anchorSummary = summarize(anchor.cert, anchor.der);
  const cscaProblem = cscaPurposeProblem(anchor.cert);
  if (cscaProblem) return { status: 'csca_wrong_purpose', ...base, anchor: anchorSummary, detail: `CSCA: ${cscaProblem}` };
  const dsProblem = dsPurposeProblem(ds);
  if (dsProblem) return { status: 'ds_wrong_purpose', ...base, anchor: anchorSummary, detail: `document signer: ${dsProblem}` };
  if (dsValidAtSigning === false) return { status: 'untrusted', ...base, anchor: anchorSummary, detail: 'SOD signed outside the DS validity' };
  if (!validAt(anchor.cert, signingTime ?? now) && !validAt(anchor.cert, now)) {
    return { status: 'expired', ...base, anchor: anchorSummary, detail: 'the CSCA is not valid' };
  }
  if (!dsValidNow) return { status: 'expired', ...base, anchor: anchorSummary, detail: 'the DS certificate is outside its validity today' };
  return { status: 'trusted', ...base, anchor: anchorSummary };
}

export function passiveAuth(sod: Sod, dataGroups: ReadonlyMap<number, Uint8Array>, store: TrustStore, now: Date = new Date()): PassiveAuthReport {
  const { hashes, notInSod } = compareHashes(sod, dataGroups);
  let signature: 'valid' | 'invalid' = 'invalid';
  let signatureDetail: string | undefined;
  let signingTime: Date | undefined;
  if (!sod.dsCertificate) signatureDetail = 'no DS certificate in the SOD';
  else {
    try {
      const r = verifyCms(sod.signedData, sod.eContent, sod.dsCertificate);
      signature = r.valid ? 'valid' : 'invalid';
      signatureDetail = r.reason;
      signingTime = r.signingTime;
    } catch (e) {
      // An algorithm we cannot check is not a valid signature; say why.
      signatureDetail = e instanceof Error ? e.message : 'verification failed';
    }
  }
  return {
    signature,
    ...(signatureDetail ? { signatureDetail } : {}),
    chain: chainOf(sod, store, now, signingTime),
    hashes,
    notInSod,
    hashAlgorithm: sod.hashAlgorithm,
    ...(sod.dsCertificate ? { ds: summarize(sod.dsCertificate, sod.dsCertificateDer) } : {}),
    ...(signingTime ? { signingTime: signingTime.toISOString() } : {}),
  };
}
