/**
 * Security review (issue 13, checkOverrides): what a supervisor's password check on the officer's
 * screen lets the officer's body claim. A supervisor who allowed "one more liveness attempt"
 * (purpose liveness_retry) or who confirmed "end this intake" (end_intake) has not overridden the
 * liveness check, yet either audit entry backs a liveness_exhausted override; and a body whose
 * portrait says liveness 'overridden' needs no override at all.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from './audit';
import * as D from './dossiers';
import { addOfficers, officer, supervisor } from './retention-fixture';
import { createStore, type OpenStore } from './store';
import { sampleDossier } from './test-dossier';

let s: OpenStore;
beforeEach(async () => {
  s = await createStore(mkdtempSync(join(tmpdir(), 'kiosk-overrides-')), { passphrase: 'trạm công an phường 7' }, { N: 2 ** 14, r: 8, p: 1 });
  addOfficers(s.db);
});
afterEach(() => s.close());

const live = () => {
  const b = Buffer.alloc(2_000, 5);
  b[0] = 0xff;
  b[1] = 0xd8;
  return new Uint8Array(b);
};

/** A draft whose portrait says liveness was overridden, with the given overrides. */
function overriddenDraft(idNumber: string, overrides: unknown[]): string {
  const body = sampleDossier({ idNumber });
  body.portrait = { ...body.portrait!, liveness: 'overridden', attempts: 3 };
  return D.createDraft(s.db, officer, { ...body, overrides }, { live_portrait: live() }).id;
}

/** The audit entry auth.confirmSupervisor writes for a good supervisor password. */
function supervisorChecked(dossierId: string, purpose: string): void {
  s.db.transaction(() => appendAudit(s.db, { actor: supervisor.id, action: 'auth.supervisor_checked', dossierId, at: new Date().toISOString(), detail: { purpose, officer: officer.id } }))();
}

describe('overrides need the matching supervisor check', () => {
  for (const purpose of ['liveness_retry', 'end_intake']) {
    // FINDING (override purposes): OVERRIDE_PURPOSES.liveness_exhausted accepts liveness_retry and end_intake.
    it(`a "${purpose}" confirmation does not back a liveness_exhausted override (was: override purposes too wide)`, () => {
      const id = overriddenDraft(purpose === 'end_intake' ? '001190017771' : '001190017772', [
        { kind: 'liveness_exhausted', supervisorId: supervisor.id, reason: 'camera', at: new Date().toISOString() },
      ]);
      supervisorChecked(id, purpose);
      expect(() => D.submit(s.db, officer, id, { allowDuplicate: true })).toThrow(D.DossierError);
    });
  }

  // FINDING (liveness override not required): submissionProblems never looks at portrait.liveness.
  it("a portrait whose liveness was 'overridden' without any override is not submitted (was: no override required for liveness 'overridden')", () => {
    const id = overriddenDraft('001190017773', []);
    expect(() => D.submit(s.db, officer, id, { allowDuplicate: true })).toThrow(D.DossierError);
  });

  it('a liveness_exhausted override without any supervisor check is refused (sound)', () => {
    const id = overriddenDraft('001190017774', [{ kind: 'liveness_exhausted', supervisorId: supervisor.id, reason: 'camera', at: new Date().toISOString() }]);
    expect(() => D.submit(s.db, officer, id, { allowDuplicate: true })).toThrow(/password checked/);
  });
});
