/**
 * The trust store: CSCA anchors used by passive authentication, and the roots that signed the
 * master lists imported. Only the administrator changes it, with `npm run trust` (electron/cli/
 * trust.ts) on the same data folder; the kiosk only lists it and re-reads it before each
 * verification when the files changed, so a running kiosk sees the administrator's change.
 *
 * Each change is written to disk (atomically, per file) before it is reported, and logged with the
 * certificate's SHA-256 and subject (certificate names are not personal data). A single
 * certificate becomes a CSCA anchor only when it is a self-signed CA certificate with keyCertSign.
 * In demo mode (no data folder) nothing is written.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HostError } from '../bridge/host-error';
import { isCardError } from '../card/errors';
import { cscaPurposeProblem } from '../card/icao/auth/cert-purpose';
import { signatureVerifiesWith } from '../card/icao/auth/cms-verify';
import { importMasterList, type MasterListImport } from '../card/icao/auth/master-list';
import { certificatesFromPemOrDer, parseCertificate, TrustStore, type TrustEntryInfo } from '../card/icao/auth/trust-store';
import type { Logger } from '../log';

function asHostError(e: unknown, what: string): never {
  if (!isCardError(e)) throw e;
  if (e.code === 'card.crypto') throw new HostError('trust.signature_invalid', `${what}: ${e.message}`);
  throw new HostError('trust.invalid_file', `${what}: ${e.message}`);
}

/** Why a certificate may not be a CSCA anchor on its own, or undefined when it may. */
export function anchorProblem(der: Uint8Array): string | undefined {
  const cert = parseCertificate(der);
  if (!cert.subject.isEqual(cert.issuer) || !signatureVerifiesWith(cert, cert)) return 'not self-signed';
  return cscaPurposeProblem(cert);
}

export class TrustService {
  private loadedFiles = '';

  private constructor(
    private anchorStore: TrustStore,
    private rootStore: TrustStore,
    private readonly dir: string | null,
    private readonly log: Logger,
  ) {}

  /** `dataDir` null: in memory only (demo / training mode). */
  static async open(dataDir: string | null, log: Logger): Promise<TrustService> {
    const service = new TrustService(new TrustStore(), new TrustStore(), dataDir ? join(dataDir, 'trust') : null, log);
    await service.reload();
    return service;
  }

  get persistent(): boolean {
    return this.dir !== null;
  }

  /** The anchors as last loaded; `current()` first picks up changes made on disk. */
  get anchors(): TrustStore {
    return this.anchorStore;
  }

  /** The anchors, re-read first when the administrator changed the files since the last load. */
  async current(): Promise<TrustStore> {
    if (this.dir && (await this.fileList()) !== this.loadedFiles) await this.reload();
    return this.anchorStore;
  }

  list(): { anchors: TrustEntryInfo[]; mlRoots: TrustEntryInfo[] } {
    return { anchors: this.anchorStore.list(), mlRoots: this.rootStore.list() };
  }

  /** The certificate files (named by SHA-256), which say whether the store changed. */
  private async fileList(): Promise<string> {
    if (!this.dir) return '';
    const names = async (sub: string) => (await readdir(join(this.dir!, sub)).catch(() => [] as string[])).filter((f) => f.endsWith('.der')).sort();
    return [...(await names('csca')), '/', ...(await names('ml-roots'))].join(' ');
  }

  private async reload(): Promise<void> {
    if (!this.dir) return;
    const files = await this.fileList();
    const anchors = await TrustStore.load(join(this.dir, 'csca'));
    const roots = await TrustStore.load(join(this.dir, 'ml-roots'));
    const rejected = anchors.rejected.length + roots.rejected.length;
    if (rejected) this.log.warn('trust.rejected_files', { count: rejected });
    this.anchorStore = anchors.store;
    this.rootStore = roots.store;
    this.loadedFiles = files;
  }

  private async save(): Promise<void> {
    if (!this.dir) return;
    await this.anchorStore.save(join(this.dir, 'csca'));
    await this.rootStore.save(join(this.dir, 'ml-roots'));
    this.loadedFiles = await this.fileList();
  }

  private logAdded(store: TrustStore, before: Set<string>, event: string, from: string): void {
    for (const e of store.list()) if (!before.has(e.sha256)) this.log.info(event, { sha256: e.sha256, subject: e.subject, from });
  }

  /** PEM or DER CSCA certificates: each must be a self-signed CA certificate; refused whole otherwise. */
  async importCsca(file: string, bytes: Uint8Array): Promise<{ total: number; added: number }> {
    let certs: Uint8Array[];
    try {
      certs = certificatesFromPemOrDer(bytes);
      if (certs.length === 0) throw new HostError('trust.invalid_file', `${file}: no certificate found`);
      for (const [i, der] of certs.entries()) {
        const problem = anchorProblem(der);
        if (problem) throw new HostError('trust.not_csca', `${file}: certificate ${i + 1} is not a CSCA: ${problem}`);
      }
    } catch (e) {
      if (e instanceof HostError) throw e;
      asHostError(e, file);
    }
    const before = new Set(this.anchorStore.list().map((e) => e.sha256));
    const added = certs.filter((der) => this.anchorStore.add(der, `file:${file}`)).length;
    await this.save();
    this.logAdded(this.anchorStore, before, 'trust.anchor_added', `file:${file}`);
    return { total: certs.length, added };
  }

  /**
   * An ICAO master list, verified against the signer root the administrator names (which must be
   * a self-signed CA certificate). The root is kept beside the anchors to show where they came from.
   */
  async importMasterList(file: string, bytes: Uint8Array, rootFile: string, rootBytes: Uint8Array): Promise<MasterListImport> {
    let roots: Uint8Array[];
    try {
      roots = certificatesFromPemOrDer(rootBytes);
      if (roots.length !== 1) throw new HostError('trust.invalid_file', `${rootFile}: expected exactly one certificate`);
      const problem = anchorProblem(roots[0]!);
      if (problem) throw new HostError('trust.not_csca', `${rootFile}: the signer root is not a CA: ${problem}`);
    } catch (e) {
      if (e instanceof HostError) throw e;
      asHostError(e, rootFile);
    }
    const candidate = new TrustStore();
    let result: MasterListImport;
    try {
      // Verified and filtered in a scratch store: a refused list leaves nothing behind.
      result = importMasterList(candidate, bytes, roots, file);
    } catch (e) {
      asHostError(e, file);
    }
    const before = new Set(this.anchorStore.list().map((e) => e.sha256));
    const rootsBefore = new Set(this.rootStore.list().map((e) => e.sha256));
    this.anchorStore.addFrom(candidate);
    this.rootStore.add(roots[0]!, `ml-root:${rootFile}`);
    await this.save();
    this.logAdded(this.rootStore, rootsBefore, 'trust.ml_root_added', `file:${rootFile}`);
    this.logAdded(this.anchorStore, before, 'trust.anchor_added', `master-list:${file}`);
    const added = this.anchorStore.size - before.size;
    return { ...result, added, duplicates: result.total - result.notCsca - added };
  }

  async remove(sha256: string): Promise<TrustEntryInfo> {
    const entry = [...this.anchorStore.list(), ...this.rootStore.list()].find((e) => e.sha256 === sha256);
    if (!entry || (!this.anchorStore.remove(sha256) && !this.rootStore.remove(sha256))) throw new HostError('trust.not_found', 'no such certificate');
    await this.save();
    this.log.info('trust.removed', { sha256: entry.sha256, subject: entry.subject });
    return entry;
  }
}
