/**
 * One LDS file or DG13 → plain JSON-ready values for the parse CLI. DG13 goes through the same
 * mapping the read screen uses (dg13Fields / mapDg13), so a technician sees the identity by field
 * name and the unknown fields with their numbers and raw DER, never parser internals.
 */
import { mapDg13 } from '../../host/card/cccd/dg13-identity';
import { parseDg13 } from '../../host/card/cccd/dg13';
import { CardError } from '../../host/card/errors';
import { parseCom } from '../../host/card/icao/lds/com';
import { parseDg1 } from '../../host/card/icao/lds/dg1';
import { parseDg14 } from '../../host/card/icao/lds/dg14';
import { parseDg15 } from '../../host/card/icao/lds/dg15';
import { parseDg2 } from '../../host/card/icao/lds/dg2';
import { parseSod } from '../../host/card/icao/lds/sod';

export const KIND_BY_TAG: Readonly<Record<number, string>> = { 0x60: 'com', 0x61: 'dg1', 0x75: 'dg2', 0x6d: 'dg13', 0x6e: 'dg14', 0x6f: 'dg15', 0x77: 'sod' };

/** `today` (ISO) only matters for two-digit years, i.e. DG1 dates, which DG13 alone lacks. */
export function decodeLdsFile(kind: string, bytes: Uint8Array, today: string): unknown {
  switch (kind) {
    case 'com': return parseCom(bytes);
    case 'dg1': return parseDg1(bytes);
    case 'dg2': {
      const dg2 = parseDg2(bytes);
      // The image itself is large: report its kind and size, not its bytes.
      return { images: dg2.images.map((i) => ({ mime: i.mime, width: i.width, height: i.height, bytes: i.bytes.length })) };
    }
    case 'dg13': {
      const dg13 = parseDg13(bytes);
      const mapped = mapDg13(dg13, undefined, today);
      const header = { ...(dg13.version !== undefined ? { version: dg13.version } : {}), ...(dg13.oid ? { oid: dg13.oid } : {}) };
      return mapped.ok ? { ...header, identity: mapped.identity } : { ...header, identity: mapped.fields, invalid: mapped.invalid };
    }
    case 'dg14': return parseDg14(bytes);
    case 'dg15': return parseDg15(bytes);
    case 'sod': {
      const sod = parseSod(bytes);
      return { hashAlgorithm: sod.hashAlgorithm, dataGroupHashes: sod.dataGroupHashes, hasDsCertificate: Boolean(sod.dsCertificate) };
    }
    default: throw new CardError('card.unsupported', `unknown kind ${kind}`);
  }
}
