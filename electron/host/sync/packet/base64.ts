/**
 * `Uint8Array.prototype.toBase64` and `Uint8Array.fromBase64` (ES2026), installed only where the
 * runtime lacks them (Node 20), backed by Buffer. jose uses them when present and otherwise falls
 * back to btoa/atob, which on Node 20 cost more than half of building or opening a 440 KB packet.
 * Strict where the standard is strict: a character outside the alphabet is a SyntaxError (Buffer
 * alone would skip it silently); ASCII whitespace is skipped; padding is optional.
 */
type Alphabet = 'base64' | 'base64url';

function alphabetOf(options: { alphabet?: unknown } | undefined): Alphabet {
  const a = options?.alphabet ?? 'base64';
  if (a !== 'base64' && a !== 'base64url') throw new TypeError('alphabet must be "base64" or "base64url"');
  return a;
}

const VALID: Record<Alphabet, RegExp> = { base64: /^[A-Za-z0-9+/]*={0,2}$/, base64url: /^[A-Za-z0-9_-]*={0,2}$/ };

export function toBase64(bytes: Uint8Array, options?: { alphabet?: unknown; omitPadding?: boolean }): string {
  const alphabet = alphabetOf(options);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Buffer writes base64url itself (without padding): no pass over a 300 KB string to swap characters.
  if (alphabet === 'base64url') {
    const text = buf.toString('base64url');
    return options?.omitPadding ? text : text + '='.repeat((4 - (text.length % 4)) % 4);
  }
  const text = buf.toString('base64');
  return options?.omitPadding ? text.replace(/=+$/, '') : text;
}

export function fromBase64(input: string, options?: { alphabet?: unknown }): Uint8Array {
  if (typeof input !== 'string') throw new TypeError('fromBase64 takes a string');
  const alphabet = alphabetOf(options);
  // The usual case first: text exactly as Buffer writes it (jose's JWE and JWS parts) decodes to
  // what the checks below would give, without three regex passes over 400 KB.
  const fast = Buffer.from(input, alphabet);
  if (fast.toString(alphabet) === input) return new Uint8Array(fast);
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
