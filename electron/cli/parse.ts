/**
 * `npm run parse -- <file> [--as dg1|dg2|dg13|dg14|dg15|sod|com|qr]` and `npm run parse -- --qr "<text>"`:
 * decodes one LDS file or a CCCD QR payload to JSON. The kind is found from the file's first tag
 * when not given. Errors print as JSON with a code, exit 1.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCccdQr } from '../../shared/domain/cccd-qr';
import { parseDg13 } from '../host/card/cccd/dg13';
import { CardError } from '../host/card/errors';
import { parseCom } from '../host/card/icao/lds/com';
import { parseDg1 } from '../host/card/icao/lds/dg1';
import { parseDg14 } from '../host/card/icao/lds/dg14';
import { parseDg15 } from '../host/card/icao/lds/dg15';
import { parseDg2 } from '../host/card/icao/lds/dg2';
import { parseSod } from '../host/card/icao/lds/sod';
import { failJson, toJson } from './card/json-out';

const BY_TAG: Record<number, string> = { 0x60: 'com', 0x61: 'dg1', 0x75: 'dg2', 0x6d: 'dg13', 0x6e: 'dg14', 0x6f: 'dg15', 0x77: 'sod' };

function decode(kind: string, bytes: Uint8Array): unknown {
  switch (kind) {
    case 'com': return parseCom(bytes);
    case 'dg1': return parseDg1(bytes);
    case 'dg2': {
      const dg2 = parseDg2(bytes);
      // The image itself is large: report its kind and size, not its bytes.
      return { images: dg2.images.map((i) => ({ mime: i.mime, width: i.width, height: i.height, bytes: i.bytes.length })) };
    }
    case 'dg13': return parseDg13(bytes);
    case 'dg14': return parseDg14(bytes);
    case 'dg15': return parseDg15(bytes);
    case 'sod': {
      const sod = parseSod(bytes);
      return { hashAlgorithm: sod.hashAlgorithm, dataGroupHashes: sod.dataGroupHashes, hasDsCertificate: Boolean(sod.dsCertificate) };
    }
    default: throw new CardError('card.unsupported', `unknown kind ${kind}`);
  }
}

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { as: { type: 'string' }, qr: { type: 'string' } } });
  if (values.qr !== undefined || values.as === 'qr') {
    const text = values.qr ?? readFileSync(positionals[0] ?? '/dev/stdin', 'utf8');
    const r = parseCccdQr(text);
    console.log(toJson(r));
    process.exit(r.ok ? 0 : 1);
  }
  const file = positionals[0];
  if (!file) failJson(new CardError('card.parse', 'usage: parse <file> [--as dg1|dg2|dg13|dg14|dg15|sod|com] | --qr "<text>"'));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    failJson(new CardError('card.parse', `cannot read ${file}: ${(e as Error).message}`));
  }
  const kind = values.as ?? BY_TAG[bytes[0] ?? -1];
  if (!kind) failJson(new CardError('card.parse', `unknown first tag 0x${(bytes[0] ?? 0).toString(16)}; pass --as`));
  try {
    console.log(toJson({ ok: true, kind, value: decode(kind, bytes) }));
  } catch (e) {
    failJson(e);
  }
}

main();
