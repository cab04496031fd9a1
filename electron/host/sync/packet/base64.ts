/**
 * `Uint8Array.prototype.toBase64` and `Uint8Array.fromBase64` (ES2026), installed only where the
 * runtime lacks them (Node 20), backed by Buffer. jose uses them when present and otherwise falls
 * back to btoa/atob, which on Node 20 cost more than half of building or opening a 440 KB packet.
 * Strict where the standard is strict: a character outside the alphabet is a SyntaxError (Buffer
 * alone would skip it silently); ASCII whitespace is skipped; padding is optional.
 */
type Alphabet = 'base64' | 'base64url';

/**
 * Bytes encoded at a time (a multiple of 3): 128,000 characters of base64 stay a regular V8 string.
 * A longer one goes to V8's large-object space, fresh pages from the OS every time: on a VM whose
 * page faults are slow, turning a 330 KB packet into one string cost ~2.5 ms, 30 times the encoding.
 */
const CHUNK = 96_000;

const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** Length of the base64 text of `n` bytes: padded ('base64'), unpadded ('base64url', as Buffer writes it). */
export const base64Length = (n: number, alphabet: Alphabet): number => (alphabet === 'base64' ? Math.ceil(n / 3) * 4 : Math.floor(n / 3) * 4 + [0, 2, 3][n % 3]!);

/** Writes the base64 text of `bytes` as Buffer writes it into `out` at `offset` (ASCII); returns the offset after it. */
export function base64Into(out: Buffer, offset: number, bytes: Uint8Array, alphabet: Alphabet): number {
  const src = asBuffer(bytes);
  let at = offset;
  for (let o = 0; o < src.length; o += CHUNK) at += out.write(src.subarray(o, o + CHUNK).toString(alphabet), at, 'latin1');
  return at;
}

/** Base64 text of a large input as a rope of regular strings (see CHUNK), flattened only if a reader needs it flat. */
function encodeChunked(buf: Buffer, alphabet: Alphabet): string {
  let text = '';
  for (let o = 0; o < buf.length; o += CHUNK) text += buf.subarray(o, o + CHUNK).toString(alphabet);
  return text;
}

function alphabetOf(options: { alphabet?: unknown } | undefined): Alphabet {
  const a = options?.alphabet ?? 'base64';
  if (a !== 'base64' && a !== 'base64url') throw new TypeError('alphabet must be "base64" or "base64url"');
  return a;
}

const VALID: Record<Alphabet, RegExp> = { base64: /^[A-Za-z0-9+/]*={0,2}$/, base64url: /^[A-Za-z0-9_-]*={0,2}$/ };

export function toBase64(bytes: Uint8Array, options?: { alphabet?: unknown; omitPadding?: boolean }): string {
  const alphabet = alphabetOf(options);
  const buf = asBuffer(bytes);
  // Buffer writes base64url itself (without padding): no pass over a 300 KB string to swap characters.
  if (alphabet === 'base64url') {
    const text = encodeChunked(buf, 'base64url');
    return options?.omitPadding ? text : text + '='.repeat((4 - (text.length % 4)) % 4);
  }
  const text = encodeChunked(buf, 'base64');
  if (!options?.omitPadding) return text;
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  return text.slice(0, end);
}

export function fromBase64(input: string, options?: { alphabet?: unknown }): Uint8Array {
  if (typeof input !== 'string') throw new TypeError('fromBase64 takes a string');
  const alphabet = alphabetOf(options);
  // The usual case first (no whitespace): one pattern test, the padding counted from the end.
  if (VALID[alphabet].test(input)) {
    let pad = 0;
    while (pad < input.length && input.charCodeAt(input.length - 1 - pad) === 61) pad++;
    if ((input.length - pad) % 4 === 1 || (pad > 0 && input.length % 4 !== 0)) throw new SyntaxError('not base64');
    return new Uint8Array(Buffer.from(input, alphabet));
  }
  const s = /[\t\n\f\r ]/.test(input) ? input.replace(/[\t\n\f\r ]/g, '') : input;
  const bare = s.replace(/=+$/, '');
  if (!VALID[alphabet].test(s) || bare.length % 4 === 1 || (s.length !== bare.length && s.length % 4 !== 0)) throw new SyntaxError('not base64');
  return new Uint8Array(Buffer.from(bare, alphabet));
}

export function installBase64(): void {
  const U = Uint8Array as unknown as { fromBase64?: unknown; prototype: { toBase64?: unknown } };
  if (typeof U.prototype.toBase64 !== 'function') {
    Object.defineProperty(Uint8Array.prototype, 'toBase64', {
      value: function (this: Uint8Array, options?: { alphabet?: unknown; omitPadding?: boolean }) {
        return toBase64(this, options);
      },
      writable: true,
      configurable: true,
    });
  }
  if (typeof U.fromBase64 !== 'function') Object.defineProperty(Uint8Array, 'fromBase64', { value: fromBase64, writable: true, configurable: true });
}

installBase64();
