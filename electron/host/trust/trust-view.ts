/**
 * A trust entry as the bridge lists it: a certificate may carry names of any length, so long texts
 * are shortened for display (ending in '…'); one odd certificate never stops the list from showing.
 */
import { TRUST_TEXT_MAX, type trustEntrySchema } from '../../../shared/contract/trust';
import type { z } from 'zod';
import type { TrustEntryInfo } from '../card/icao/auth/trust-store';

export type TrustEntryView = z.input<typeof trustEntrySchema>;

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function trustEntryView(e: TrustEntryInfo): TrustEntryView {
  return {
    sha256: e.sha256,
    subject: clip(e.subject, TRUST_TEXT_MAX.subject),
    issuer: clip(e.issuer, TRUST_TEXT_MAX.issuer),
    ...(e.country ? { country: clip(e.country, TRUST_TEXT_MAX.country) } : {}),
    serial: clip(e.serial, TRUST_TEXT_MAX.serial),
    notBefore: e.notBefore,
    notAfter: e.notAfter,
    source: clip(e.source, TRUST_TEXT_MAX.source),
  };
}
