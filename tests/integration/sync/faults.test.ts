/**
 * The sync fault matrix at small N (npm run test:faults runs it with 10 dossiers a scenario): each
 * scenario's kiosk is its own process behind a TCP proxy to the reference upstream; every dossier
 * must be stored upstream exactly once and recorded as sent at the kiosk.
 */
import { describe, expect, it } from 'vitest';
import { runMatrix, scenarioLine, summary, SCENARIOS } from '../../../electron/cli/sync/fault-matrix';

describe('sync fault matrix (2 dossiers a scenario)', () => {
  it('loses and duplicates nothing in any scenario', async () => {
    const lines: string[] = [];
    const results = await runMatrix({ dossiers: 2, portraitBytes: 40_000, report: (r) => {
      // Printed as each scenario ends, so a run stopped by the test's timeout shows how far it got.
      const line = scenarioLine(r);
      lines.push(line);
      console.log(line);
    } });
    expect(results.map((r) => r.name)).toEqual(SCENARIOS.map((s) => s.name));
    expect(lines.filter((l) => !l.startsWith('ok'))).toEqual([]);
    expect(summary(results)).toEqual({ ok: true, line: `scenarios ${SCENARIOS.length}, dossiers ${2 * SCENARIOS.length}, stored-once ${2 * SCENARIOS.length}, lost 0, duplicated 0` });
  }, 600_000);
});
