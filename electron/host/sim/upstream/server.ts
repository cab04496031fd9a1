/**
 * The reference upstream (issue 11): two HTTPS listeners on loopback, TLS 1.3 only, with the
 * upstream's own CA. The API listener requires a client certificate from that CA at TLS (a kiosk
 * without one never gets an HTTP answer); the enrolment listener, which a kiosk uses once before
 * it has a certificate, has no other route. Everything it keeps is in `dataDir`, so a restart on
 * the same folder keeps its CA, devices, packets and status changes.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { TrustStore } from '../../card/icao/auth/trust-store';
import { Behaviour, type Decision, type UpstreamScript } from './control';
import { openUpstreamDb, packetRow, type PacketRow, type ReasonCode } from './db';
import { loadOrCreateEncryptionKey } from './encryption-key';
import { loadOrCreatePki } from './pki';
import { apiRoute, enrolmentRoute, type RouteContext } from './routes';
import { UpstreamService, type Stored } from './service';
import { Uploads } from './uploads';
import { VerifyPool } from './verify-pool';

export interface UpstreamOptions {
  dataDir: string;
  host?: string;
  /** API port (0: any free one). */
  port?: number;
  /** Enrolment port (0: any free one). */
  enrolmentPort?: number;
  /** The CSCAs passive authentication trusts (the kiosk's own trust store, a master list's anchors), as they are at start. */
  trust?: TrustStore;
  /** Threads verifying packets (verify-pool.ts); 0: on the event loop. Default: the cores, at most 4. */
  verifyThreads?: number;
  script?: UpstreamScript;
}

/** What tests and the CLI steer the upstream with. */
export interface UpstreamControl {
  /** A one-time enrolment token (issued at `at`, now by default; it expires after TOKEN_TTL_MS). */
  issueToken(at?: Date): string;
  accept(dossierId: string): boolean;
  reject(dossierId: string, code: ReasonCode, message?: string): boolean;
  /** Every packet of this citizen (ID number) from now on is rejected with `code` (null: no longer). */
  rejectCitizen(idNumber: string, code: ReasonCode | null): void;
  /** Stored packets wait as `received` until accept/reject ('hold'), or are decided at once ('accept'). */
  mode(mode: 'accept' | 'hold'): void;
  failNext(count: number, status?: number, retryAfterSeconds?: number): void;
  slow(ms: number): void;
  dropAcks(count: number): void;
  duplicateChanges(on: boolean): void;
  relay(allowed: boolean): void;
  revoke(deviceId: string): boolean;
  packet(dossierId: string): PacketRow | undefined;
  packetCount(): number;
  /** An exported packet (compact JWE) imported directly: same checks and answer as a PUT; throws a Problem or PacketError. */
  importPacket(jwe: string): Promise<Stored>;
  /** A whole script (the CLI's --script file): behaviour replaced, decisions that changed recorded. */
  apply(script: UpstreamScript): void;
  /** Every open resumable upload made `ms` older (past UPLOAD_TTL_MS it is gone: 404 upload.unknown). */
  ageUploads(ms: number): number;
}

export interface Upstream {
  url: string;
  enrolmentUrl: string;
  caPem: string;
  control: UpstreamControl;
  /** 'enrolled', 'stored', 'decided', 'refused', 'ack-dropped', 'failed', 'upload-started', 'upload-appended', 'upload-cancelled'. */
  events: UpstreamService['events'];
  stop(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startUpstream(o: UpstreamOptions): Promise<Upstream> {
  mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  const host = o.host ?? '127.0.0.1';
  const pki = await loadOrCreatePki(o.dataDir);
  const encryption = await loadOrCreateEncryptionKey(o.dataDir);
  const db = openUpstreamDb(o.dataDir);
  const behaviour = new Behaviour();
  const verifier = new VerifyPool({ dataDir: o.dataDir, db, decryptionJwk: encryption.privateJwk, trustDers: (o.trust ?? new TrustStore()).ders(), threads: o.verifyThreads });
  await verifier.start();
  const service = new UpstreamService(db, pki, encryption, verifier, behaviour);
  const timers = new Set<{ timer: NodeJS.Timeout; done: () => void }>();
  let apiUrl = '';
  const uploads = new Uploads(db, o.dataDir);
  const ctx: RouteContext = {
    service,
    db,
    uploads,
    apiUrl: () => apiUrl,
    wait: (ms) =>
      new Promise<void>((resolve) => {
        const entry = { timer: setTimeout(() => (timers.delete(entry), resolve()), ms), done: resolve };
        timers.add(entry);
      }),
  };
  const tls = { key: pki.serverKeyPem, cert: pki.serverCertPem, minVersion: 'TLSv1.3' as const };
  const api = createServer({ ...tls, ca: [pki.caPem], requestCert: true, rejectUnauthorized: true }, (req, res) => void apiRoute(ctx, req, res));
  const enrolment = createServer(tls, (req, res) => void enrolmentRoute(ctx, req, res));
  const name = host.includes(':') ? `[${host}]` : host;
  apiUrl = `https://${name}:${await listen(api, o.port ?? 0, host)}`;
  const enrolmentUrl = `https://${name}:${await listen(enrolment, o.enrolmentPort ?? 0, host)}`;

  const decide = (id: string, d: Decision) => service.decide(id, d);
  const control: UpstreamControl = {
    issueToken: (at) => service.issueToken(at),
    accept: (id) => decide(id, { status: 'accepted' }),
    reject: (id, code, message) => decide(id, { status: 'rejected', reason: { code, ...(message ? { message } : {}) } }),
    rejectCitizen: (idNumber, code) => void (code ? behaviour.citizens.set(idNumber, code) : behaviour.citizens.delete(idNumber)),
    mode: (m) => void (behaviour.mode = m),
    failNext: (count, status = 503, retryAfter) => void (behaviour.failures = { remaining: count, status, retryAfter }),
    slow: (ms) => void (behaviour.delayMs = ms),
    dropAcks: (count) => void (behaviour.dropAcks = count),
    duplicateChanges: (on) => void (behaviour.duplicateChanges = on),
    relay: (allowed) => void (behaviour.relay = allowed),
    revoke: (id) => service.revoke(id),
    packet: (id) => packetRow(db, id),
    packetCount: () => Number(db.prepare('SELECT count(*) FROM packets').pluck().get()),
    importPacket: (jwe) => service.importPacket(jwe.trim()),
    ageUploads: (ms) => uploads.age(ms),
    apply: (script) => {
      behaviour.apply({ ...script, decisions: {} });
      for (const [id, d] of Object.entries(script.decisions) as Array<[string, Decision]>) {
        if (JSON.stringify(behaviour.decisions.get(id)) !== JSON.stringify(d)) service.decide(id, d);
      }
    },
  };
  if (o.script) control.apply(o.script);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      for (const t of timers) {
        clearTimeout(t.timer);
        t.done();
      }
      const close = (s: Server) => new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
      // The threads end on their own time (they hold no state the next start needs).
      void verifier.close();
      await Promise.all([close(api), close(enrolment)]);
      db.close();
    })());
  return { url: apiUrl, enrolmentUrl, caPem: pki.caPem, control, events: service.events, stop };
}
