/**
 * The synthetic issuing authority behind the virtual cards: one trusted CSCA with a valid and an
 * expired document signer, and a foreign CSCA no trust store knows. Generated once per process
 * (key generation is slow); a test trusts `issuer().csca.der`, which the CLI also reports.
 */
import { createTestPki } from '../test-pki/pki';
import { issueCertificate, type IssuedCert } from '../test-pki/certificate';
import { generateKey } from '../test-pki/keys';
import type { CardVariant } from './variants';

export interface CardIssuer {
  csca: IssuedCert;
  ds: IssuedCert;
  expiredDs: IssuedCert;
  foreignDs: IssuedCert;
}

const YEAR = 365 * 24 * 3600 * 1000;
let cached: CardIssuer | undefined;

export function cardIssuer(): CardIssuer {
  if (cached) return cached;
  const now = new Date();
  const national = createTestPki({ cscaName: 'Test CSCA Vietnam (synthetic)', now });
  const expiredDs = issueCertificate({
    subject: { C: 'VN', O: 'Test PKI (synthetic)', CN: 'Test Document Signer (expired)' },
    key: generateKey('ec-p256'),
    issuer: national.csca,
    notBefore: new Date(now.getTime() - 3 * YEAR),
    notAfter: new Date(now.getTime() - YEAR),
    serial: 3,
    ca: false,
  });
  const foreign = createTestPki({ cscaName: 'Unknown CSCA (synthetic)', now });
  cached = { csca: national.csca, ds: national.ds, expiredDs, foreignDs: foreign.ds };
  return cached;
}

export function signerFor(variant: CardVariant): IssuedCert {
  const issuer = cardIssuer();
  if (variant === 'unknown-csca') return issuer.foreignDs;
  if (variant === 'expired-ds') return issuer.expiredDs;
  return issuer.ds;
}
