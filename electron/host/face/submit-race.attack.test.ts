/**
 * Security review (issue 9 item 1): can the screen get a dossier with both portraits submitted
 * without the host's comparison? dossier.submit runs ensureFaceMatch first and ignores a
 * DossierError from it ("the submission's own checks say what is wrong"), but D.submit itself never
 * asks for a comparison of the live portrait it holds. The screen's own dossier.save of a new live
 * portrait, sent while the comparison runs (the dispatcher does not serialise calls; the model takes
 * hundreds of ms), makes recordFaceMatch refuse as 'stale' and drops the body's faceMatch: the
 * submission then passes with no comparison at all, nothing to acknowledge, nothing for the
 * supervisor to see. The comparer here stands in for the model so the interleaving is exact (no
 * timing); the store, the save and the submission are the real ones.
 *
 * Fixed: the bridge's submission now calls D.submit with `requireFaceMatch`, which refuses a dossier
 * with both portraits unless the live portrait it holds now was compared; dossier.submit then
 * compares again (record.test.ts runs the race through the dispatcher).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as D from '../store/dossiers';
import { addOfficers, officer } from '../store/retention-fixture';
import { createStore, type OpenStore } from '../store/store';
import { sampleDossier } from '../store/test-dossier';
import { ensureFaceMatch } from './record';

const jpeg = (fill: number) => {
  const b = Buffer.alloc(2_000, fill);
  b[0] = 0xff;
  b[1] = 0xd8;
  return new Uint8Array(b);
};

let s: OpenStore;
beforeEach(async () => {
  s = await createStore(mkdtempSync(join(tmpdir(), 'kiosk-face-race-')), { passphrase: 'trạm công an phường 7' }, { N: 2 ** 14, r: 8, p: 1 });
  addOfficers(s.db);
});
afterEach(() => s.close());

describe('submission and the face comparison', () => {
  it('a live portrait replaced while the comparison runs does not let the dossier be submitted uncompared', async () => {
    const id = D.createDraft(s.db, officer, sampleDossier({ idNumber: '001190019999' }), { chip_portrait: jpeg(1), live_portrait: jpeg(2) }).id;
    // What dossier.submit does: compare first, ignore a DossierError, then submit.
    await ensureFaceMatch(s.db, officer, id, async () => {
      // Meanwhile the screen's dossier.save with another live portrait (same revision: the comparison does not bump it).
      D.saveDraft(s.db, officer, id, D.get(s.db, id).revision, D.body(s.db, id), { live_portrait: jpeg(3) });
      return { decision: 'no_match', score: 0.12, threshold: 0.5, model: 'stand-in' };
    }).catch((e: unknown) => {
      if (!(e instanceof D.DossierError)) throw e;
    });
    expect(() => D.submit(s.db, officer, id, { allowDuplicate: true, requireFaceMatch: true })).toThrow(expect.objectContaining({ code: 'incomplete', detail: 'face_match' }));
  });
});
