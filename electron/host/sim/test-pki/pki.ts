/**
 * A CSCA → document signer chain for tests and the virtual card, generated at run time, plus the
 * variants passive authentication must tell apart: an unknown CSCA, an expired DS.
 */
import type { SignatureScheme } from '../../card/icao/auth/algorithms';
import { issueCertificate, type IssuedCert } from './certificate';
import { generateKey, type KeyKind } from './keys';
import type { PurposeOverrides } from './purpose-extensions';

export interface TestPki {
  csca: IssuedCert;
  ds: IssuedCert;
}

export interface TestPkiOptions {
  cscaKey?: KeyKind;
  dsKey?: KeyKind;
  /** How the DS certificate is signed by the CSCA. */
  cscaScheme?: SignatureScheme;
  /** Reference "now"; validity windows are placed around it. */
  now?: Date;
  /** The DS expired a year before `now` (issued three years before). */
  expiredDs?: boolean;
  cscaName?: string;
  /** Deliberately wrong extensions, for the tests of certificate purposes. */
  cscaPurpose?: PurposeOverrides;
  dsPurpose?: PurposeOverrides;
}

const YEAR = 365 * 24 * 3600 * 1000;

export function createTestPki(o: TestPkiOptions = {}): TestPki {
  const now = o.now ?? new Date();
  const csca = issueCertificate({
    subject: { C: 'VN', O: 'Test PKI (synthetic)', CN: o.cscaName ?? 'Test CSCA Vietnam' },
    key: generateKey(o.cscaKey ?? 'ec-p256'),
    notBefore: new Date(now.getTime() - 5 * YEAR),
    notAfter: new Date(now.getTime() + 10 * YEAR),
    serial: 1,
    ca: true,
    ...(o.cscaPurpose ? { purpose: o.cscaPurpose } : {}),
  });
  const ds = issueCertificate({
    subject: { C: 'VN', O: 'Test PKI (synthetic)', CN: 'Test Document Signer' },
    key: generateKey(o.dsKey ?? 'ec-p256'),
    issuer: csca,
    notBefore: new Date(now.getTime() - (o.expiredDs ? 3 : 1) * YEAR),
    notAfter: new Date(now.getTime() + (o.expiredDs ? -1 : 2) * YEAR),
    serial: 2,
    ca: false,
    ...(o.dsPurpose ? { purpose: o.dsPurpose } : {}),
    ...(o.cscaScheme ? { scheme: o.cscaScheme } : {}),
  });
  return { csca, ds };
}
