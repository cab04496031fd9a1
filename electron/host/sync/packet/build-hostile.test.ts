/**
 * The Packet JSON written piece by piece against hostile text (issue 11 review): for every station
 * and dossier body, the bytes are valid UTF-8, exactly JSON.stringify({ manifest, parts }) in UTF-8,
 * and read back to the same strings, so the signature covers what the upstream parses.
 */
import { describe, expect, it } from 'vitest';
import { packetBytes } from './build';
import { sampleInput, testKeys } from './test-packets';

const t = await testKeys();

const HOSTILE: Array<[string, string]> = [
  ['lone high surrogate', 'a\uD800b'],
  ['lone low surrogate', '\uDC00'],
  ['reversed pair', '\uDC00\uD800'],
  ['line and paragraph separators', 'x\u2028y\u2029z'],
  ['control characters', '\u0000\u0001\u001f\u007f\b\f\n\r\t'],
  ['quotes and backslashes', '"\\"\\\\/'],
  ['emoji and a combining mark', '👮🏽‍♀️ e\u0301 🇻🇳'],
  ['BOM and noncharacters', '\uFEFF\uFFFE\uFFFF'],
  ['a very long Vietnamese name', 'Nguyễn Thị Phương Thảo Hoàng Đức Việt Trường Ngọc Ánh Ưng Ỷ '.repeat(2000)],
];

describe('packet bytes for hostile text', () => {
  it.each(HOSTILE)('%s in the station and the dossier: JSON.stringify bytes, valid UTF-8, same strings back', (_, s) => {
    const input = { ...sampleInput(), station: s, dossier: { [s]: s, name: s, nested: [s, { [`k${s}`]: null }] } };
    const bytes = packetBytes(input, t.keys.deviceId);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    const parsed = JSON.parse(text) as { manifest: { station: string }; parts: Record<string, string> };
    expect(parsed.manifest.station).toBe(s);
    expect(Buffer.compare(bytes, Buffer.from(JSON.stringify({ manifest: parsed.manifest, parts: parsed.parts }), 'utf8'))).toBe(0);
    const dossier = JSON.parse(Buffer.from(parsed.parts['dossier.json']!, 'base64').toString('utf8')) as Record<string, unknown>;
    expect(dossier[s]).toBe(s);
  });
});
