/**
 * ICAO CSCA master list import (ICAO Doc 9303-12 §9): a CMS SignedData whose content is
 * CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate }. The list is only
 * used after its signature is checked and its signer chains to a root the administrator trusts;
 * a tampered list is refused as a whole.
 */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { CardError } from '../../errors';
import { findSignerCertificate, parseSignedData } from '../lds/cms';
import { children, decodeDer, encodingOf, guardParse, parseError } from '../lds/der';
import { dnToString, validAt } from './cert-info';
import { cscaPurposeProblem, mlSignerPurposeProblem } from './cert-purpose';
import { isSignedBy, verifyCms } from './cms-verify';
import { parseCertificate, type TrustStore } from './trust-store';

/** Enough for a few thousand certificates; still bounded against hostile input. */
const MAX_NODES = 2_000_000;

export const ID_CSCA_MASTER_LIST = '2.23.136.1.1.2';

export interface MasterListContent {
  version: number;
  certificates: Uint8Array[];
  signer: pkijs.Certificate;
  signingTime?: Date;
}

export interface MasterListImport {
  /** Certificates in the list. */
  total: number;
  added: number;
  duplicates: number;
  /** Entries that are not CSCA certificates (not a CA, or no keyCertSign): never made anchors. */
  notCsca: number;
  signerSubject: string;
  signerIssuer: string;
  signingTime?: string;
}

/** Decodes and verifies a master list against trusted signer roots (DER). Throws on any failure. */
export function verifyMasterList(ml: Uint8Array, trustedRoots: Uint8Array[]): MasterListContent {
  const parsed = parseSignedData(ml, 'master list', MAX_NODES);
  if (parsed.eContentType !== ID_CSCA_MASTER_LIST) throw parseError('master list', `content type ${parsed.eContentType}`);
  const si = parsed.signedData.signerInfos[0];
  const signer = si ? findSignerCertificate(si, parsed.certificates) : undefined;
  if (!signer) throw new CardError('card.crypto', 'master list: signer certificate not found in the list');
  const check = verifyCms(parsed.signedData, parsed.eContent, signer);
  if (!check.valid) throw new CardError('card.crypto', `master list: ${check.reason ?? 'signature invalid'}`);
  const roots = trustedRoots.map((r) => parseCertificate(r, 'master list root'));
  const root = roots.find((r) => isSignedBy(signer, r));
  if (!root) throw new CardError('card.crypto', `master list: signer ${dnToString(signer.issuer)} does not chain to a trusted root`);
  const at = check.signingTime ?? new Date();
  if (!validAt(signer, at)) throw new CardError('card.crypto', 'master list: signer certificate not valid at signing time');
  if (!validAt(root, at)) throw new CardError('card.crypto', 'master list: root certificate not valid at signing time');
  const rootProblem = cscaPurposeProblem(root);
  if (rootProblem) throw new CardError('card.crypto', `master list: root certificate is not a CA: ${rootProblem}`);
  const signerProblem = mlSignerPurposeProblem(signer);
  if (signerProblem) throw new CardError('card.crypto', `master list: signer certificate is not a master-list signer: ${signerProblem}`);
  const { version, certificates } = guardParse('master list', () => {
    const content = decodeDer(parsed.eContent, 'CscaMasterList', MAX_NODES);
    const [v, list] = children(content);
    if (!(v instanceof asn1js.Integer) || !(list instanceof asn1js.Set)) throw parseError('master list', 'CscaMasterList shape');
    return { version: v.valueBlock.valueDec, certificates: children(list).map(encodingOf) };
  });
  return {
    version,
    certificates,
    signer,
    ...(check.signingTime ? { signingTime: check.signingTime } : {}),
  };
}

/** Verifies then adds every certificate to the store. `label` names the source in the store. */
export function importMasterList(store: TrustStore, ml: Uint8Array, trustedRoots: Uint8Array[], label: string): MasterListImport {
  const content = verifyMasterList(ml, trustedRoots);
  // A list carries self-signed CSCAs and link certificates (a new CSCA key signed by the old one):
  // both are CA certificates. Anything else in it is never an anchor.
  const cscas = content.certificates.map((der) => ({ der, cert: parseCertificate(der, 'master list entry') })).filter((c) => !cscaPurposeProblem(c.cert));
  let added = 0;
  for (const c of cscas) if (store.add(c.der, `master-list:${label}`, c.cert)) added++;
  return {
    total: content.certificates.length,
    added,
    duplicates: cscas.length - added,
    notCsca: content.certificates.length - cscas.length,
    signerSubject: dnToString(content.signer.subject),
    signerIssuer: dnToString(content.signer.issuer),
    ...(content.signingTime ? { signingTime: content.signingTime.toISOString() } : {}),
  };
}
