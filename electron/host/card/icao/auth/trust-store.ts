/**
 * The CSCA trust store: an in-memory set of certificates, deduplicated by SHA-256 of their DER,
 * persisted as one `<sha256>.der` file per certificate in a directory the caller chooses. Master
 * lists are imported only after their signature is verified (master-list.ts).
 */
import { mkdir, readdir, readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { CardError } from '../../errors';
import { decodeDer, guardParse } from '../lds/der';
import { keyIdLinks, signatureVerifiesWith } from './cms-verify';
import { sha256Hex, summarize, type CertSummary } from './cert-info';

export interface TrustEntry extends CertSummary {
  der: Uint8Array;
  cert: pkijs.Certificate;
  /** Where it came from, e.g. `master-list:DE 2026-05-28` or `file:csca.pem`. */
  source: string;
}

export type TrustEntryInfo = Omit<TrustEntry, 'der' | 'cert'>;

export function parseCertificate(der: Uint8Array, what = 'certificate'): pkijs.Certificate {
  return guardParse(what, () => new pkijs.Certificate({ schema: decodeDer(der, what) }));
}

/** PEM (one or more CERTIFICATE blocks) or a single DER certificate → DER list. */
export function certificatesFromPemOrDer(bytes: Uint8Array): Uint8Array[] {
  const text = new TextDecoder('latin1').decode(bytes);
  const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/g)];
  if (blocks.length) return blocks.map((m) => new Uint8Array(Buffer.from((m[1] ?? '').replace(/\s/g, ''), 'base64')));
  return [bytes];
}

export class TrustStore {
  private readonly entries = new Map<string, TrustEntry>();

  /** Adds one DER certificate (`cert`: already parsed from it); false when it was already there. */
  add(der: Uint8Array, source: string, parsed?: pkijs.Certificate): boolean {
    const sha = sha256Hex(der);
    if (this.entries.has(sha)) return false;
    const cert = parsed ?? parseCertificate(der);
    this.entries.set(sha, { ...summarize(cert, der), der: new Uint8Array(der), cert, source });
    return true;
  }

  /** Adds every entry of `other` not already here (as parsed there); returns how many were new. */
  addFrom(other: TrustStore): number {
    let added = 0;
    for (const [sha, e] of other.entries) {
      if (this.entries.has(sha)) continue;
      this.entries.set(sha, e);
      added++;
    }
    return added;
  }

  /** Imports PEM or DER CSCA certificates; returns how many were new. */
  addPemOrDer(bytes: Uint8Array, source: string): number {
    return certificatesFromPemOrDer(bytes).filter((der) => this.add(der, source)).length;
  }

  remove(sha256: string): boolean {
    return this.entries.delete(sha256);
  }

  /** The DER of every entry (e.g. the master-list roots handed to the list verifier). */
  ders(): Uint8Array[] {
    return [...this.entries.values()].map((e) => e.der);
  }

  get size(): number {
    return this.entries.size;
  }

  list(): TrustEntryInfo[] {
    return [...this.entries.values()]
      .map(({ der: _der, cert: _cert, ...info }) => info)
      .sort((a, b) => (a.country ?? '').localeCompare(b.country ?? '') || a.subject.localeCompare(b.subject));
  }

  /**
   * Entries that may have issued `cert`: same name as its issuer, or a subjectKeyIdentifier equal
   * to its authorityKeyIdentifier (issuers sometimes re-encode their DN between CSCA and DS).
   * Candidates only; the signature decides.
   */
  candidatesFor(cert: pkijs.Certificate): TrustEntry[] {
    return [...this.entries.values()].filter((e) => e.cert.subject.isEqual(cert.issuer) || keyIdLinks(cert, e.cert));
  }

  /** The entry whose key verifies `cert`'s signature, if any. */
  issuerOf(cert: pkijs.Certificate): TrustEntry | undefined {
    return this.candidatesFor(cert).find((e) => signatureVerifiesWith(cert, e.cert));
  }

  /** Writes every entry as `<sha256>.der` and removes files of entries no longer present. */
  async save(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    const existing = new Set((await readdir(dir)).filter((f) => f.endsWith('.der')));
    for (const [sha, e] of this.entries) {
      const name = `${sha}.der`;
      existing.delete(name);
      // Write then rename so a crash never leaves a half-written certificate behind.
      await writeFile(join(dir, `${name}.tmp`), e.der);
      await rename(join(dir, `${name}.tmp`), join(dir, name));
    }
    for (const stale of existing) await unlink(join(dir, stale));
  }

  /** Loads a directory written by save(); unreadable files are reported, not fatal. */
  static async load(dir: string): Promise<{ store: TrustStore; rejected: string[] }> {
    const store = new TrustStore();
    const rejected: string[] = [];
    let files: string[] = [];
    try {
      files = (await readdir(dir)).filter((f) => f.endsWith('.der'));
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return { store, rejected };
      throw new CardError('card.parse', 'trust store directory not readable');
    }
    for (const f of files.sort()) {
      try {
        store.add(new Uint8Array(await readFile(join(dir, f))), `dir:${f}`);
      } catch {
        rejected.push(f);
      }
    }
    return { store, rejected };
  }
}
