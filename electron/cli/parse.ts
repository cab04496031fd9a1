/**
 * `npm run parse -- <file> [--as dg1|dg2|dg13|dg14|dg15|sod|com|qr]` and `npm run parse -- --qr "<text>"`:
 * decodes one LDS file or a CCCD QR payload to JSON. The kind is found from the file's first tag
 * when not given. Errors print as JSON with a code, exit 1.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCccdQr } from '../../shared/domain/cccd-qr';
import { isoDateAt } from '../../shared/domain/dates';
import { CardError } from '../host/card/errors';
import { decodeLdsFile, KIND_BY_TAG } from './card/decode-file';
import { failJson, toJson } from './card/json-out';

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
  const kind = values.as ?? KIND_BY_TAG[bytes[0] ?? -1];
  if (!kind) failJson(new CardError('card.parse', `unknown first tag 0x${(bytes[0] ?? 0).toString(16)}; pass --as`));
  try {
    console.log(toJson({ ok: true, kind, value: decodeLdsFile(kind, bytes, isoDateAt(Date.now())) }));
  } catch (e) {
    failJson(e);
  }
}

main();
