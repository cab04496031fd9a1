import { CardError } from '../errors';
import { concat } from './bytes';

/**
 * BER-TLV (ISO/IEC 8825-1 as profiled by ISO/IEC 7816-4). Tags are kept as the number formed by
 * their bytes (0x7F49, 0x5F1F) because that is how the standards print them. Every malformed
 * input ends in CardError('card.parse'): the bytes come from a card we do not trust.
 */
export interface Tlv {
  tag: number;
  constructed: boolean;
  /** Raw value bytes (a view into the parsed buffer). */
  value: Uint8Array;
  /** Parsed content of a constructed object, in order. */
  children: Tlv[];
  /** Bytes taken by tag + length + value. */
  encodedLength: number;
}

export interface TlvHeader {
  tag: number;
  constructed: boolean;
  headerLength: number;
  valueLength: number;
}

/** Four tag bytes and four length bytes are far beyond anything in the LDS; more is an attack. */
const MAX_TAG_BYTES = 4;
const MAX_LENGTH_BYTES = 4;
const MAX_DEPTH = 64;

function fail(message: string): never {
  throw new CardError('card.parse', `BER-TLV: ${message}`);
}

/**
 * Reads only the tag and length at `offset`. Works on a prefix of a file (the reader uses it
 * to learn a file's size from its first bytes), so the value need not be present.
 */
export function parseTlvHeader(bytes: Uint8Array, offset = 0): TlvHeader {
  let at = offset;
  const next = (): number => {
    const b = bytes[at];
    if (b === undefined) fail('truncated header');
    at++;
    return b;
  };
  const first = next();
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    // Subsequent tag bytes carry b8 = 1 while more follow.
    let b: number;
    do {
      b = next();
      if (at - offset > MAX_TAG_BYTES) fail('tag too long');
      tag = tag * 256 + b;
    } while (b & 0x80);
  }
  const lenByte = next();
  let valueLength: number;
  if (lenByte < 0x80) valueLength = lenByte;
  else if (lenByte === 0x80) fail('indefinite length refused');
  else {
    const n = lenByte & 0x7f;
    if (n > MAX_LENGTH_BYTES) fail('length field too long');
    valueLength = 0;
    for (let i = 0; i < n; i++) valueLength = valueLength * 256 + next();
  }
  return { tag, constructed: (first & 0x20) !== 0, headerLength: at - offset, valueLength };
}

function parseOne(bytes: Uint8Array, offset: number, depth: number): Tlv {
  if (depth > MAX_DEPTH) fail('nesting too deep');
  const h = parseTlvHeader(bytes, offset);
  const start = offset + h.headerLength;
  const end = start + h.valueLength;
  if (end > bytes.length) fail(`value of tag ${h.tag.toString(16)} runs past the end`);
  const value = bytes.subarray(start, end);
  const children = h.constructed ? parseList(value, depth + 1) : [];
  return { tag: h.tag, constructed: h.constructed, value, children, encodedLength: h.headerLength + h.valueLength };
}

function parseList(bytes: Uint8Array, depth: number): Tlv[] {
  const out: Tlv[] = [];
  let at = 0;
  while (at < bytes.length) {
    const t = parseOne(bytes, at, depth);
    out.push(t);
    at += t.encodedLength;
  }
  return out;
}

/** Parses one object at `offset`; trailing bytes are allowed (see parseTlvList for strict). */
export function parseTlv(bytes: Uint8Array, offset = 0): Tlv {
  if (offset < 0 || offset >= bytes.length) fail('nothing to parse');
  return parseOne(bytes, offset, 0);
}

/** Parses a concatenation of objects that must fill `bytes` exactly. */
export function parseTlvList(bytes: Uint8Array): Tlv[] {
  return parseList(bytes, 0);
}

export function findTlv(list: readonly Tlv[], tag: number): Tlv | undefined {
  return list.find((t) => t.tag === tag);
}

export function requireTlv(list: readonly Tlv[], tag: number, what: string): Tlv {
  const t = findTlv(list, tag);
  if (!t) fail(`${what}: tag ${tag.toString(16).toUpperCase()} missing`);
  return t;
}

export function encodeTag(tag: number): Uint8Array {
  if (!Number.isInteger(tag) || tag < 0 || tag > 0xffffffff) fail(`bad tag ${tag}`);
  const out: number[] = [];
  let t = tag;
  do {
    out.unshift(t & 0xff);
    t = Math.floor(t / 256);
  } while (t > 0);
  return Uint8Array.from(out);
}

/** DER length: short form below 128, else the minimal long form. */
export function encodeLength(len: number): Uint8Array {
  if (!Number.isInteger(len) || len < 0 || len > 0xffffffff) fail(`bad length ${len}`);
  if (len < 0x80) return Uint8Array.of(len);
  const out: number[] = [];
  let l = len;
  while (l > 0) {
    out.unshift(l & 0xff);
    l = Math.floor(l / 256);
  }
  return Uint8Array.from([0x80 | out.length, ...out]);
}

/** `content` is either the raw value or the already-encoded children of a constructed object. */
export function encodeTlv(tag: number, content: Uint8Array | readonly Uint8Array[]): Uint8Array {
  const value = content instanceof Uint8Array ? content : concat(...content);
  return concat(encodeTag(tag), encodeLength(value.length), value);
}
