/**
 * Officer passwords: scrypt (node's own), a random salt per account, compared in constant time.
 * Stored as `scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>` so the cost can rise later and old
 * hashes still verify.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

const DEFAULT = { logN: 15, r: 8, p: 1 };
export const MIN_PASSWORD_LENGTH = 10;

function scrypt(pw: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((ok, fail) =>
    scryptCb(pw.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (e, k) => (e ? fail(e) : ok(k))),
  );
}

export async function hashPassword(pw: string, cost: { logN: number; r: number; p: number } = DEFAULT): Promise<string> {
  const salt = randomBytes(16);
  const h = await scrypt(pw, salt, cost.logN, cost.r, cost.p);
  return `scrypt$${cost.logN}$${cost.r}$${cost.p}$${salt.toString('base64')}$${h.toString('base64')}`;
}

const FORMAT = /^scrypt\$(\d{2})\$(\d{1,2})\$(\d)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** Verified against for an unknown username, so a wrong name costs the same time as a wrong password. */
export const DUMMY_HASH = `scrypt$15$8$1$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;

export function isWellFormedHash(stored: string): boolean {
  return FORMAT.test(stored);
}

export async function verifyPassword(pw: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (!m) return false;
  const [logN, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (logN < 14 || logN > 20 || r < 8 || r > 16 || p < 1) return false;
  const want = Buffer.from(m[5]!, 'base64');
  const got = await scrypt(pw, Buffer.from(m[4]!, 'base64'), logN, r, p);
  return got.length === want.length && timingSafeEqual(got, want);
}

/** Why a new password is refused, or null. Lengths in characters, after NFC. */
export function passwordProblem(pw: string): 'too_short' | 'too_long' | 'too_simple' | null {
  const s = pw.normalize('NFC');
  if ([...s].length < MIN_PASSWORD_LENGTH) return 'too_short';
  if ([...s].length > 128) return 'too_long';
  const classes = [/[a-zà-ỹđ]/u, /[A-ZÀ-ỸĐ]/u, /\d/, /[^\p{L}\d]/u].filter((re) => re.test(s)).length;
  return classes < 3 ? 'too_simple' : null;
}
