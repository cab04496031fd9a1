/** The packet build's count of a dossier's returns reads the audit index, not the whole trail. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { syncStore } from '../../sync/test-fixture';
import type { OpenStore } from '../store';

let s: OpenStore;
beforeEach(async () => {
  s = await syncStore('kiosk-audit-index-');
});
afterEach(() => s.close());

it('a dossier\'s audit entries are found through audit_by_dossier', () => {
  const plan = (sql: string) => (s.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('HS-ABCDEFGH23', 'x') as Array<{ detail: string }>).map((r) => r.detail).join('; ');
  expect(plan('SELECT count(*) AS n FROM audit WHERE dossier_id = ? AND action = ?')).toMatch(/USING COVERING INDEX audit_by_dossier/);
  expect(plan('SELECT seq, at, action, detail FROM audit WHERE dossier_id = ? AND ? IS NOT NULL ORDER BY seq')).toMatch(/SEARCH audit USING INDEX audit_by_dossier \(dossier_id=\?\)/);
});
