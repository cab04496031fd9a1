/**
 * What the reference upstream does, apart from HTTP: enrolment with a one-time token, the
 * idempotent packet store (same id, submission and digest: 200; other digest: 409; a re-submission
 * after a rejection that asked for one replaces the packet), decisions and the status
 * feed. Every change is one synchronous SQLite transaction; the async work (certificate issuance,
 * decryption, verification: in threads, verify-pool.ts) happens before it. Packets are stored by
 * group commit (group-commit.ts): each answer only once its own packet's transaction committed.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { importJWK, type JWK } from 'jose';
import { z } from 'zod';
import { PacketError } from '../../sync/packet/errors';
import { DEVICE_ID_RE, DOSSIER_ID_RE } from '../../sync/packet/manifest';
import { reEnrolmentClaim, verifyReEnrolment } from '../../sync/re-enrolment';
import type { ChipFinding } from './chip-check';
import type { Behaviour, Decision } from './control';
import { addChange, deviceRow, latestChange, packetRow, tokenHash, type DeviceRow, type PacketRow, type ReasonCode, type UpstreamDb } from './db';
import { issueClientCertificate, type UpstreamPki } from './pki';
import { GroupCommit } from './group-commit';
import { Problem } from './problem';
import type { Verified } from './verify';
import type { VerifyPool } from './verify-pool';
import { jweBytes, type Jwe } from '../../sync/packet/jwe';

const enrolmentRequest = z.object({
  token: z.string().min(16).max(128),
  csrPem: z.string().max(8000),
  signingKey: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().max(64), y: z.string().max(64) }).passthrough(),
  station: z.object({ name: z.string().min(1).max(120), code: z.string().max(40).optional() }),
  appVersion: z.string().max(40),
  /** A re-enrolment: the old device id and its signature over this request (sync/re-enrolment.ts). */
  previous: z.object({ deviceId: z.string().regex(DEVICE_ID_RE), proof: z.string().max(4000) }).optional(),
});

/** Rejections that ask the kiosk to correct the dossier and submit it again under the same id. */
export const RESUBMIT_REASONS: readonly ReasonCode[] = ['portrait_quality'];

/** An enrolment token unused this long is no longer accepted. */
export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export interface Receipt {
  dossierId: string;
  digest: string;
  receivedAt: string;
}

export interface Stored {
  status: 200 | 201;
  receipt: Receipt;
}

export class UpstreamService {
  readonly events = new EventEmitter();
  readonly commits: GroupCommit;

  constructor(
    private readonly db: UpstreamDb,
    private readonly pki: UpstreamPki,
    private readonly encryption: { privateJwk: JWK; publicJwk: JWK },
    private readonly verifier: VerifyPool,
    readonly behaviour: Behaviour,
  ) {
    this.commits = new GroupCommit(db);
  }

  /** A one-time enrolment token (only its hash is kept). */
  issueToken(now = new Date()): string {
    const token = randomBytes(24).toString('base64url');
    this.db.prepare('INSERT INTO tokens (token_hash, created_at) VALUES (?, ?)').run(tokenHash(token), now.toISOString());
    return token;
  }

  async enrol(body: unknown, apiUrl: string, now = new Date()) {
    const parsed = enrolmentRequest.safeParse(body);
    if (!parsed.success) throw new Problem(400, 'enrolment.csr_invalid', `request ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
    const req = parsed.data;
    const hash = tokenHash(req.token);
    const tokenState = () => this.db.prepare('SELECT used_at AS usedAt, created_at AS createdAt FROM tokens WHERE token_hash = ?').get(hash) as { usedAt: string | null; createdAt: string } | undefined;
    const check = () => {
      const t = tokenState();
      if (!t) throw new Problem(401, 'enrolment.token_invalid');
      if (t.usedAt) throw new Problem(409, 'enrolment.token_used');
      if (Date.parse(t.createdAt) + TOKEN_TTL_MS < now.getTime()) throw new Problem(401, 'enrolment.token_invalid', 'expired');
    };
    check();
    const deviceId = `KIOSK-${[...randomBytes(12)].map((b) => '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'[b % 34]).join('')}`;
    let cert;
    try {
      cert = await issueClientCertificate(this.pki, req.csrPem, deviceId);
    } catch (e) {
      throw new Problem(400, 'enrolment.csr_invalid', (e as Error).message);
    }
    // Only the public point is kept: a private `d`, or `alg`/`key_ops` the kiosk's library added, never reach the verifier.
    const signingKey: JWK = { kty: 'EC', crv: 'P-256', x: req.signingKey.x, y: req.signingKey.y };
    await importJWK(signingKey, 'ES256').catch(() => {
      throw new Problem(400, 'enrolment.csr_invalid', 'the signing key is not a P-256 point');
    });
    const predecessor = await this.predecessor(req);
    this.db.transaction(() => {
      check(); // two kiosks racing with one token: the second finds it used
      this.db.prepare('UPDATE tokens SET used_at = ?, device_id = ? WHERE token_hash = ?').run(now.toISOString(), deviceId, hash);
      this.db.prepare('INSERT INTO devices (id, station, station_code, app_version, signing_jwk, cert_sha256, enrolled_at, predecessor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        deviceId, req.station.name, req.station.code ?? null, req.appVersion, JSON.stringify({ ...signingKey, kid: deviceId }), cert.sha256, now.toISOString(), predecessor,
      );
    }).immediate();
    this.events.emit('enrolled', { deviceId, predecessor });
    return { deviceId, clientCertificatePem: cert.pem, caChainPem: this.pki.caPem, encryptionKey: this.encryption.publicJwk, apiUrl };
  }

  /**
   * The device a re-enrolment continues: linked only with a valid signature of that device's key
   * over this request (a bad one refuses the enrolment). An unknown device (another upstream's)
   * or a revoked one (its key may be in other hands) is not linked; the enrolment goes on.
   */
  private async predecessor(req: z.infer<typeof enrolmentRequest>): Promise<string | null> {
    if (!req.previous) return null;
    const d = deviceRow(this.db, req.previous.deviceId);
    if (!d || d.revokedAt) return null;
    const claim = reEnrolmentClaim(req.token, req.csrPem, req.signingKey);
    if (!(await verifyReEnrolment(req.previous.proof, { id: d.id, signingJwk: JSON.parse(d.signingJwk) as JWK }, claim))) {
      throw new Problem(400, 'enrolment.csr_invalid', 'the re-enrolment proof does not verify');
    }
    return d.id;
  }

  /** The device a client certificate belongs to: enrolled with this very certificate and not revoked. */
  device(deviceId: string, certSha256: string): DeviceRow {
    const d = deviceRow(this.db, deviceId);
    if (!d || d.certSha256 !== certSha256) throw new Problem(403, 'device.unknown');
    if (d.revokedAt) throw new Problem(403, 'device.revoked');
    return d;
  }

  async submit(uploader: DeviceRow, dossierId: string, jwe: Jwe, now = new Date()): Promise<Stored> {
    if (!DOSSIER_ID_RE.test(dossierId)) throw new Problem(400, 'packet.malformed', 'not a dossier id');
    const opened = await this.verifier.verify(jwe, now);
    if (opened.manifest.dossierId !== dossierId) throw new Problem(422, 'packet.manifest_mismatch', 'the packet is for another dossier');
    if (opened.signer !== uploader.id && !this.behaviour.relay) throw new Problem(403, 'packet.wrong_device', 'signed by another kiosk');
    return this.store(opened, uploader.id, jwe, now);
  }

  /** An exported packet brought to the upstream directly (a file, no kiosk connection): the same checks, the signer as uploader. */
  async importPacket(jwe: Jwe, now = new Date()): Promise<Stored> {
    const opened = await this.verifier.verify(jwe, now);
    return this.store(opened, opened.signer, jwe, now);
  }

  /**
   * Exactly once per submission: the same submission and digest is a repeat (200), another digest
   * a conflict (409). A higher submission replaces the stored packet only when the latest decision
   * on the stored one asked for a correction (RESUBMIT_REASONS); an older submission is never
   * stored (409 packet.superseded), so it can neither be kept twice nor override the newer one.
   */
  private async store(opened: Verified, uploader: string, jwe: Jwe, now: Date): Promise<Stored> {
    const { dossierId } = opened.manifest;
    const submission = opened.manifest.submission ?? 1;
    const verdict = (row: PacketRow): Stored | 'resubmission' => {
      if (submission < row.submission) throw new Problem(409, 'packet.superseded', 'a later submission of this dossier is stored');
      if (submission === row.submission) {
        if (row.digest !== opened.digest) throw new Problem(409, 'packet.conflict', 'another packet is stored under this dossier id');
        return { status: 200 as const, receipt: { dossierId, digest: row.digest, receivedAt: row.receivedAt } };
      }
      const last = latestChange(this.db, dossierId);
      const returned = last?.status === 'rejected' && last.digest === row.digest && RESUBMIT_REASONS.includes(last.reason?.code ?? 'other');
      if (!returned) throw new Problem(409, 'packet.conflict', 'the stored packet was not returned for correction');
      return 'resubmission';
    };
    const known = packetRow(this.db, dossierId);
    if (known) {
      const v = verdict(known);
      if (v !== 'resubmission') return v;
    }
    // Passive authentication ran in the thread; its refusal counts only for a packet not stored yet.
    if ('refused' in opened.chip) throw new PacketError(opened.chip.refused.code, opened.chip.refused.detail);
    const chip = opened.chip.finding;
    const result = await this.commits.run(() => {
      const raced = packetRow(this.db, dossierId);
      const v = raced ? verdict(raced) : undefined;
      if (v && v !== 'resubmission') return v;
      // The body's bytes, made TEXT by SQLite (CAST): no 400 KB string on the event loop.
      const values = [opened.digest, opened.signer, uploader, JSON.stringify(opened.manifest), typeof jwe === 'string' ? jwe : jweBytes(jwe), chip, now.toISOString(), submission, dossierId];
      if (v === 'resubmission') this.db.prepare('UPDATE packets SET digest = ?, signer = ?, uploader = ?, manifest = ?, jwe = CAST(? AS TEXT), chip_chain = ?, received_at = ?, submission = ? WHERE dossier_id = ?').run(...values);
      else this.db.prepare('INSERT INTO packets (digest, signer, uploader, manifest, jwe, chip_chain, received_at, submission, dossier_id) VALUES (?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?)').run(...values);
      addChange(this.db, opened.signer, dossierId, opened.digest, 'received', undefined, now);
      // A decision scripted before the first submission was for that one, not for the re-submission.
      const scripted = v === 'resubmission' ? undefined : this.behaviour.decisions.get(dossierId);
      const decision = scripted ?? this.byCitizen(opened) ?? this.automatic(chip);
      if (decision) this.record(opened.signer, dossierId, opened.digest, decision, now);
      return { status: 201 as const, receipt: { dossierId, digest: opened.digest, receivedAt: now.toISOString() } };
    });
    if (result.status === 201) this.events.emit('stored', { dossierId, digest: opened.digest, signer: opened.signer, uploader, submission });
    return result;
  }

  /** A decision scripted for the citizen (read from the packet in memory, never stored in clear). */
  private byCitizen(opened: Verified): Decision | undefined {
    if (this.behaviour.citizens.size === 0) return undefined;
    let idNumber: unknown;
    try {
      idNumber = (JSON.parse(Buffer.from(opened.dossierJson).toString('utf8')) as { identity?: { identity?: { idNumber?: unknown } } }).identity?.identity?.idNumber;
    } catch {
      return undefined;
    }
    const code = typeof idNumber === 'string' ? this.behaviour.citizens.get(idNumber) : undefined;
    return code ? { status: 'rejected', reason: { code } } : undefined;
  }

  private automatic(chip: ChipFinding): Decision | undefined {
    if (this.behaviour.mode === 'hold') return undefined;
    if (chip === 'absent' || chip === 'trusted') return { status: 'accepted' };
    return { status: 'rejected', reason: { code: 'chip_verification', message: `document signer chain: ${chip}` } };
  }

  private record(deviceId: string, dossierId: string, digest: string, d: Decision, now: Date): void {
    const times = this.behaviour.duplicateChanges ? 2 : 1;
    for (let i = 0; i < times; i++) addChange(this.db, deviceId, dossierId, digest, d.status, d.status === 'rejected' ? d.reason : undefined, now);
    this.events.emit('decided', { dossierId, ...d });
  }

  /** A decision for a dossier: recorded now if its packet is stored, otherwise when it arrives. True if recorded now. */
  decide(dossierId: string, d: Decision, now = new Date()): boolean {
    this.behaviour.decisions.set(dossierId, d);
    return this.db.transaction(() => {
      const row = packetRow(this.db, dossierId);
      if (row) this.record(row.signer, dossierId, row.digest, d, now);
      return Boolean(row);
    }).immediate();
  }

  revoke(deviceId: string, now = new Date()): boolean {
    return this.db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now.toISOString(), deviceId).changes === 1;
  }
}
