/**
 * The administrator's trust store: CSCA anchors used by passive authentication, and the roots
 * allowed to sign ICAO master lists. Each change is written to disk (atomically, per file)
 * before it is reported; in demo mode nothing is written.
 */
import { join } from 'node:path';
import { HostError } from '../bridge/host-error';
import { isCardError } from '../card/errors';
import { certificatesFromPemOrDer, TrustStore, type TrustEntryInfo } from '../card/icao/auth/trust-store';
import { importTrustFile } from '../card/icao/auth/trust-import';
import type { Logger } from '../log';

export interface TrustImportOutcome {
  kind: 'master-list' | 'certificates';
  total: number;
  added: number;
  signerSubject?: string;
}

function asHostError(e: unknown, what: string): never {
  if (!isCardError(e)) throw e;
  if (/needs a trusted signer root/.test(e.message)) throw new HostError('trust.no_ml_root', e.message);
  if (e.code === 'card.crypto') throw new HostError('trust.signature_invalid', `${what}: ${e.message}`);
  throw new HostError('trust.invalid_file', `${what}: ${e.message}`);
}

export class TrustService {
  private constructor(
    readonly anchors: TrustStore,
    private readonly roots: TrustStore,
    private readonly dir: string | null,
    private readonly log: Logger,
  ) {}

  /** `dataDir` null: in memory only (demo / training mode). */
  static async open(dataDir: string | null, log: Logger): Promise<TrustService> {
    if (!dataDir) return new TrustService(new TrustStore(), new TrustStore(), null, log);
    const dir = join(dataDir, 'trust');
    const anchors = await TrustStore.load(join(dir, 'csca'));
    const roots = await TrustStore.load(join(dir, 'ml-roots'));
    const rejected = anchors.rejected.length + roots.rejected.length;
    if (rejected) log.warn('trust.rejected_files', { count: rejected });
    return new TrustService(anchors.store, roots.store, dir, log);
  }

  get persistent(): boolean {
    return this.dir !== null;
  }

  list(): { anchors: TrustEntryInfo[]; mlRoots: TrustEntryInfo[] } {
    return { anchors: this.anchors.list(), mlRoots: this.roots.list() };
  }

  private async save(): Promise<void> {
    if (!this.dir) return;
    await this.anchors.save(join(this.dir, 'csca'));
    await this.roots.save(join(this.dir, 'ml-roots'));
  }

  async import(fileName: string, bytes: Uint8Array): Promise<TrustImportOutcome> {
    let result;
    const before = new Set(this.anchors.list().map((e) => e.sha256));
    try {
      result = importTrustFile(this.anchors, bytes, fileName, this.roots.ders());
    } catch (e) {
      // Refused whole: take back whatever the import added before it failed.
      for (const e2 of this.anchors.list()) if (!before.has(e2.sha256)) this.anchors.remove(e2.sha256);
      asHostError(e, fileName);
    }
    if (result.kind === 'certificates' && result.total === 0) throw new HostError('trust.invalid_file', `${fileName}: no certificate found`);
    await this.save();
    this.log.info('trust.imported', { kind: result.kind, total: result.total, added: result.added });
    return {
      kind: result.kind,
      total: result.total,
      added: result.added,
      ...('signerSubject' in result ? { signerSubject: result.signerSubject } : {}),
    };
  }

  async importRoot(fileName: string, bytes: Uint8Array): Promise<{ added: number; total: number }> {
    let certs: Uint8Array[];
    try {
      certs = certificatesFromPemOrDer(bytes);
    } catch (e) {
      asHostError(e, fileName);
    }
    if (certs.length === 0) throw new HostError('trust.invalid_file', `${fileName}: no certificate found`);
    let added = 0;
    const before = new Set(this.roots.list().map((e) => e.sha256));
    try {
      for (const der of certs) if (this.roots.add(der, `ml-root:${fileName}`)) added++;
    } catch (e) {
      for (const e2 of this.roots.list()) if (!before.has(e2.sha256)) this.roots.remove(e2.sha256);
      asHostError(e, fileName);
    }
    await this.save();
    this.log.info('trust.root_imported', { total: certs.length, added });
    return { added, total: certs.length };
  }

  async remove(sha256: string): Promise<void> {
    if (!this.anchors.remove(sha256) && !this.roots.remove(sha256)) throw new HostError('trust.not_found', 'no such certificate');
    await this.save();
    this.log.info('trust.removed', {});
  }
}
