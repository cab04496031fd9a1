/**
 * Security review (issue 11): packets sent again after the kiosk's state changed, against the
 * reference upstream (real mTLS, real packets, its own SQLite).
 *
 * - A portrait refused upstream (portrait_quality) returns the dossier to its officer; the status
 *   pull drops the old packet and outbox row so the re-approval queues it anew. The re-captured
 *   dossier is a new packet (another digest) under the same dossier id, which the upstream's
 *   "exactly once" rule answers with 409 packet.conflict: final, the re-capture never arrives.
 *   Fixed: the re-approved packet is submission 2 (docs/upstream-api.yaml, Re-submission).
 * - A dossier delivered before a re-enrolment has its decision in the old device's feed (the
 *   reference upstream files changes under the signer; GET /v1/packets/{id} answers only the
 *   signer too): the kiosk, now polling as the new device, never hears it; 'sent' for ever.
 *   Fixed: the re-enrolment is signed with the old key and the upstream links the two devices.
 * - (Fixed in 172614f, kept as a regression test.) A packet kept before a re-enrolment (built on a failed first attempt) was still signed with the
 *   old device key and kid and encrypted to the old enrolment's key; after re-enrolment it is sent
 *   as is. Relayed, it lands in the old device's status feed, so this kiosk never hears the decision
 *   (the dossier stays 'sent' for ever, retention never starts); with the old device revoked it is
 *   refused for good (device.revoked).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Upstream } from '../sim/upstream/server';
import type { OpenStore } from '../store/store';
import { keepPacket } from './outbox';
import { buildPacketFromStore } from './packet/index';
import type { SyncService } from './service';
import { approvedDossiers, dossierState, outboxRow, recapture, syncStore } from './test-fixture';
import { ChangeWaits, enrolledService, FAST_TUNING, heldUpstream } from './test-service';

let s: OpenStore;
let up: Upstream;
let svc: SyncService;
let waits: ChangeWaits;
const until = (cond: () => boolean) => waits.until(cond);

beforeEach(async () => {
  [s, up] = await Promise.all([syncStore(), heldUpstream('kiosk-sync-resend-')]);
  waits = new ChangeWaits();
  svc = await enrolledService(s.db, up, { tuning: { ...FAST_TUNING, concurrency: 2 }, onChange: waits.notify });
});
afterEach(async () => {
  await svc.detach();
  await up.stop();
  s.close();
});

const settled = (id: string) => () => ['done', 'failed'].includes(outboxRow(s.db, id)?.state ?? '');

describe('packets sent again', () => {
  // Was a finding (re-capture after portrait_quality answered 409 packet.conflict): the re-approved
  // packet is submission 2, which the upstream takes because its last decision asked for a re-capture.
  it('a dossier whose portrait was refused, re-captured and approved again reaches the upstream (was: re-capture answered 409)', async () => {
    const [id] = approvedDossiers(s.db, 1);
    svc.poke();
    await until(() => dossierState(s.db, id!) === 'sent');
    up.control.reject(id!, 'portrait_quality');
    await svc.pollNow();
    expect(dossierState(s.db, id!)).toBe('returned');
    recapture(s.db, id!);
    svc.poke();
    await until(settled(id!));
    expect(outboxRow(s.db, id!)).toMatchObject({ state: 'done', last_error: null });
    const stored = up.control.packet(id!)!;
    expect(stored.submission).toBe(2);
    expect(dossierState(s.db, id!)).toBe('sent');
    // Its decision comes back to the kiosk like a first submission's.
    up.control.accept(id!);
    await svc.pollNow();
    expect(dossierState(s.db, id!)).toBe('accepted');
  });

  // Was a finding (decisions lost across re-enrolment): the feed was per device. The re-enrolment is
  // now signed with the old key and the upstream serves the new device the old one's changes too.
  it('a dossier delivered before a re-enrolment still gets its decision afterwards (was: decisions for the old identity were lost)', async () => {
    const [id] = approvedDossiers(s.db, 1);
    svc.poke();
    await until(() => dossierState(s.db, id!) === 'sent');
    await svc.enrol(s.db, 'admin-1', up.control.issueToken());
    up.control.accept(id!);
    await svc.pollNow();
    expect(dossierState(s.db, id!)).toBe('accepted');
  });

  // Was a finding (re-enrolment kept old packets), fixed in 172614f: a regression test now.
  it("a packet kept before a re-enrolment is delivered under the new identity and its decision comes back (was: kept packets survive re-enrolment, fixed in 172614f)", async () => {
    svc.setPaused(true, 's-1');
    const [id] = approvedDossiers(s.db, 1);
    const old = svc.enrolled!;
    const keys = { deviceId: old.deviceId, signingKey: { ...old.signingJwk, kid: old.deviceId }, upstreamKey: old.upstreamEncJwk };
    keepPacket(s.db, id!, await buildPacketFromStore(s.db, id!, keys), Date.now()); // as a failed first attempt leaves it
    await svc.enrol(s.db, 'admin-1', up.control.issueToken());
    expect(svc.enrolled!.deviceId).not.toBe(old.deviceId);
    svc.setPaused(false, 's-1');
    await until(settled(id!));
    expect(up.control.packet(id!)?.signer).toBe(svc.enrolled!.deviceId);
    up.control.accept(id!);
    await svc.pollNow();
    expect(dossierState(s.db, id!)).toBe('accepted');
  });
});
