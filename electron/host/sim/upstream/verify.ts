/**
 * Everything the upstream checks inside a packet, apart from the store: decryption, the JWS against
 * the signing device's enrolled key (looked up in the upstream's SQLite when the packet names it,
 * so a revocation applies to the next packet), the manifest against every part, and passive
 * authentication of the chip files. Runs the same on the event loop or in a verification thread
 * (verify-pool.ts); nothing is cached but imported keys, by their exact JWK text.
 *
 * The chip check's failure is returned, not thrown: the store answers a repeat (200) or a
 * conflict (409) before it, exactly as when the check ran after those verdicts.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { TrustStore } from '../../card/icao/auth/trust-store';
import { isPacketError, PacketError, type PacketProblemCode } from '../../sync/packet/errors';
import type { Manifest } from '../../sync/packet/manifest';
import { openPacket } from '../../sync/packet/open';
import { checkChip, type ChipFinding } from './chip-check';
import { deviceRow, type UpstreamDb } from './db';

export interface Verified {
  manifest: Manifest;
  /** SHA-256 of the JWS, hex. */
  digest: string;
  signer: string;
  /** Passive authentication: the finding, or the refusal to answer once the packet is known to be new. */
  chip: { finding: ChipFinding } | { refused: { code: PacketProblemCode; detail?: string } };
  /** The dossier part (read in memory only, for a decision scripted by citizen). */
  dossierJson: Uint8Array;
}

export interface VerifierOptions {
  db: UpstreamDb;
  decryptionJwk: JWK;
  /** The trusted CSCAs' DER. */
  trustDers: Uint8Array[];
}

const MAX_KEYS = 1_000;

export class Verifier {
  private readonly decryptionKey: KeyObject;
  private readonly trust = new TrustStore();
  /** Imported device keys by their exact JWK text (a re-enrolled device has another key, another text). */
  private readonly keys = new Map<string, KeyObject>();

  constructor(private readonly o: VerifierOptions) {
    this.decryptionKey = createPrivateKey({ key: o.decryptionJwk as never, format: 'jwk' });
    for (const der of o.trustDers) this.trust.add(der, 'upstream trust');
  }

  private deviceKey(kid: string): KeyObject | undefined {
    const d = deviceRow(this.o.db, kid);
    if (d?.revokedAt) throw new PacketError('device.revoked', 'the signing device is revoked');
    if (!d) return undefined;
    let key = this.keys.get(d.signingJwk);
    if (!key) {
      if (this.keys.size >= MAX_KEYS) this.keys.clear();
      key = createPublicKey({ key: JSON.parse(d.signingJwk) as never, format: 'jwk' });
      this.keys.set(d.signingJwk, key);
    }
    return key;
  }

  async verify(jwe: string, now: Date): Promise<Verified> {
    const opened = await openPacket(jwe, { decryptionKey: this.decryptionKey, deviceKey: (kid) => this.deviceKey(kid) });
    let chip: Verified['chip'];
    try {
      chip = { finding: checkChip(opened.packet, this.trust, now) };
    } catch (e) {
      if (!isPacketError(e)) throw e;
      chip = { refused: { code: e.code, ...(e.detail ? { detail: e.detail } : {}) } };
    }
    return { manifest: opened.packet.manifest, digest: opened.digest, signer: opened.signer, chip, dossierJson: opened.packet.parts.get('dossier.json')! };
  }
}
