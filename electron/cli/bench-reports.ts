/**
 * `npm run bench -- reports`: Form 02 of 10,000 rows as XLSX, CSV and PDF, and the weekly summary,
 * JSON lines. Setup: a fresh encrypted store on this machine's disk with one drive of five
 * companies and N seeded dossiers (the seed tool's citizens, taken, submitted and approved in the
 * drive), then each report built from the store (query + file), timed over 3 runs (median shown).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAccount, createFirstAdmin } from '../host/auth/accounts';
import { openDrive, switchCompany } from '../host/drives/drives';
import { exportForm } from '../host/reports/export';
import { stats } from '../host/reports/stats';
import { weekly } from '../host/reports/weekly';
import { createStore } from '../host/store/store';
import { seedAssets, seedOne } from './store/seed-dossiers';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x);

async function main() {
  const { values } = parseArgs({ options: { dossiers: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } } });
  const total = Number(values.dossiers);
  const runs = Number(values.runs);
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-reports-'));
  try {
    const { db, close } = await createStore(dir, { passphrase: 'bench passphrase for the reports' }, { N: 2 ** 14, r: 8, p: 1 });
    const admin = await createFirstAdmin(db, { username: 'bench-admin', displayName: 'Bench', password: 'Bench-admin-2026!' });
    const officer = await createAccount(db, admin.id, { username: 'bench-cb', displayName: 'Cán bộ', role: 'officer', password: 'Bench-officer-2026!' });
    const supervisor = await createAccount(db, admin.id, { username: 'bench-ld', displayName: 'Lãnh đạo', role: 'supervisor', password: 'Bench-super-2026!' });
    const drive = openDrive(db, supervisor.id, { name: 'Đợt bench', place: 'KCN', startsOn: '2026-01-01', endsOn: '2026-12-31', companies: ['Công ty Một', 'Công ty Hai', 'Công ty Ba', 'Công ty Bốn', 'Công ty Năm'] });
    const assets = seedAssets();
    let t = process.hrtime.bigint();
    for (let i = 0; i < total; i++) {
      if (i % 2000 === 0) switchCompany(db, officer.id, drive.companies[(i / 2000) % 5]!.id);
      seedOne(db, i, officer, supervisor, assets);
    }
    console.log(JSON.stringify({ bench: 'reports.setup', dossiers: total, seedMs: round(ms(t)), note: 'one drive, 5 companies, dossiers with portraits and chip files, encrypted store' }));
    const timed = async (name: string, fn: () => Promise<{ bytes?: number; rows?: number }>) => {
      const times: number[] = [];
      let last: { bytes?: number; rows?: number } = {};
      for (let r = 0; r < runs; r++) {
        t = process.hrtime.bigint();
        last = await fn();
        times.push(ms(t));
      }
      console.log(JSON.stringify({ bench: name, medianMs: round(median(times)), runsMs: times.map(round), ...last }));
    };
    for (const format of ['xlsx', 'csv', 'pdf'] as const) {
      await timed(`reports.form02.${format}`, async () => {
        const f = await exportForm(db, supervisor.id, { form: 'form02', driveId: drive.id }, format, { station: 'Công an bench', via: 'cli' });
        return { rows: f.rows, bytes: f.bytes.length };
      });
    }
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    await timed('reports.weekly', async () => ({ rows: weekly(db, drive.id, today).rows.length }));
    await timed('reports.weekly.pdf', async () => {
      const f = await exportForm(db, supervisor.id, { form: 'weekly', driveId: drive.id, weekEnding: today }, 'pdf', { station: 'Công an bench', via: 'cli' });
      return { bytes: f.bytes.length };
    });
    await timed('reports.stats', async () => ({ rows: stats(db, { from: '2026-01-01', to: '2026-12-31' }).byDay.length }));
    close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: Error) => {
  console.error(e);
  process.exit(1);
});
