/**
 * One entry point for the administrator's "import" button: a file is either an ICAO master list
 * (verified against the given master-list signer roots) or PEM/DER CSCA certificates.
 */
import { CardError } from '../../errors';
import { parseSignedData } from '../lds/cms';
import { importMasterList, ID_CSCA_MASTER_LIST, type MasterListImport } from './master-list';
import { certificatesFromPemOrDer, type TrustStore } from './trust-store';

export type TrustImportResult = ({ kind: 'master-list' } & MasterListImport) | { kind: 'certificates'; total: number; added: number };

function isMasterList(bytes: Uint8Array): boolean {
  try {
    return parseSignedData(bytes, 'import', 2_000_000).eContentType === ID_CSCA_MASTER_LIST;
  } catch {
    return false;
  }
}

export function importTrustFile(store: TrustStore, bytes: Uint8Array, name: string, masterListRoots: Uint8Array[]): TrustImportResult {
  if (isMasterList(bytes)) {
    if (masterListRoots.length === 0) throw new CardError('card.crypto', 'a master list needs a trusted signer root to be imported');
    return { kind: 'master-list', ...importMasterList(store, bytes, masterListRoots, name) };
  }
  const certificates = certificatesFromPemOrDer(bytes);
  const added = certificates.filter((der) => store.add(der, `file:${name}`)).length;
  return { kind: 'certificates', total: certificates.length, added };
}
