/**
 * `npm run test:faults [-- --dossiers N] [--only substring]`: the sync fault matrix (issue 11).
 * One line per scenario, then `scenarios S, dossiers D, stored-once D, lost 0, duplicated 0`;
 * exit 1 when any dossier was lost or stored twice, or a scenario failed.
 */
import { parseArgs } from 'node:util';
import { runMatrix, scenarioLine, summary } from './sync/fault-matrix';

const { values } = parseArgs({ options: { dossiers: { type: 'string', default: '10' }, only: { type: 'string' } } });
const dossiers = Number(values.dossiers);
if (!Number.isInteger(dossiers) || dossiers < 1 || dossiers > 1000) {
  console.error('--dossiers must be a whole number from 1 to 1000');
  process.exit(2);
}
const only = values.only;
const results = await runMatrix({ dossiers, only: only ? (n) => n.includes(only) : undefined, report: (r) => console.log(scenarioLine(r)) });
const s = summary(results);
console.log(s.line);
process.exit(s.ok ? 0 : 1);
