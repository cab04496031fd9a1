/** Reference-upstream hygiene: enrolment tokens expire; resumable uploads expire and are bounded per device. */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDossierId } from '../../store/dossiers';
import { openUpstreamDb, type DeviceRow } from './db';
import { TOKEN_TTL_MS } from './service';
import { enrolKiosk } from './test-client';
import { useUpstream } from './test-upstream';
import { MAX_OPEN_UPLOADS, UPLOAD_TTL_MS, Uploads } from './uploads';

const env = useUpstream('upstream-hygiene-');

describe('reference upstream hygiene', () => {
  it('an enrolment token older than its time is refused; a younger one enrols', async () => {
    const old = env.up.control.issueToken(new Date(Date.now() - TOKEN_TTL_MS - 60_000));
    await expect(enrolKiosk(env.up.enrolmentUrl, env.up.caPem, old)).rejects.toThrow('401 enrolment.token_invalid');
    const young = env.up.control.issueToken(new Date(Date.now() - TOKEN_TTL_MS + 60_000));
    expect((await enrolKiosk(env.up.enrolmentUrl, env.up.caPem, young)).deviceId).toMatch(/^KIOSK-/);
  });

  it('a device holds at most MAX_OPEN_UPLOADS open uploads; an expired upload is gone with its file, which frees its place', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'upstream-uploads-bound-'));
    const db = openUpstreamDb(dataDir);
    const uploads = new Uploads(db, dataDir);
    const device = (id: string) => ({ id, station: 's', signingJwk: '{}', certSha256: 'x', revokedAt: null }) as DeviceRow;
    const a = device('KIOSK-AAAAAAAA');
    const t0 = new Date('2026-11-30T00:00:00.000Z');
    const start = (d: DeviceRow, dossierId: string, at: Date) => uploads.start(d, { dossierId, size: 10, digest: `sha-256=:${'A'.repeat(43)}=:` }, at);
    const first = start(a, newDossierId(), t0);
    if (!('upload' in first)) throw new Error('expected an upload');
    uploads.append(a, first.upload.uploadId, 0, Buffer.from('12345'));
    for (let i = 1; i < MAX_OPEN_UPLOADS; i++) start(a, newDossierId(), t0);
    expect(() => start(a, newDossierId(), t0)).toThrow('429 rate_limited');
    // Another device is not limited by this one's uploads.
    expect(start(device('KIOSK-BBBBBBBB'), newDossierId(), t0)).toHaveProperty('upload');
    const later = new Date(t0.getTime() + UPLOAD_TTL_MS + 1);
    expect(() => uploads.get(a, first.upload.uploadId, later)).toThrow('404 upload.unknown');
    expect(existsSync(join(dataDir, 'uploads', `${first.upload.uploadId}.part`))).toBe(false);
    // Past their time every old upload is swept when a new one starts: its place is free again.
    expect(start(a, newDossierId(), later)).toHaveProperty('upload');
    expect(readdirSync(join(dataDir, 'uploads'))).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM uploads').get() as { n: number }).n).toBe(1);
    db.close();
  });
});
