/**
 * `npm run report -- form02 (--drive ID | --from dd/mm/yyyy --to dd/mm/yyyy) [--company NAME] --out FILE.xlsx|.csv|.pdf`
 * `npm run report -- form01 --drive ID --company NAME --out FILE.xlsx|.csv|.pdf`
 * `npm run report -- drives` (the drives with their ids and companies, JSON lines)
 * The station passphrase opens the store (a supervisor's or the administrator's knowledge); the
 * file holds personal data, so it is written only at --out, created new (never over an existing
 * file) with mode 0600, and the export is recorded in the audit trail (actor "cli").
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDmy } from '../../shared/domain/dates';
import { listDrives } from '../host/drives/drives';
import { loadConfig } from '../host/config';
import { exportForm, type ExportRequest } from '../host/reports/export';
import type { ExportFormat } from '../host/reports/sheet';
import { openStoreForCli } from './store/open-store';

const USAGE = 'usage: npm run report -- form02 (--drive ID | --from dd/mm/yyyy --to dd/mm/yyyy) [--company NAME] --out FILE.xlsx|.csv|.pdf\n' +
  '       npm run report -- form01 --drive ID --company NAME --out FILE.xlsx|.csv|.pdf\n       npm run report -- drives';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function day(flag: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  return parseDmy(v) ?? fail(`${flag} must be a date dd/mm/yyyy`);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { drive: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, company: { type: 'string' }, out: { type: 'string' } },
  });
  const what = positionals[0];
  if (what !== 'form01' && what !== 'form02' && what !== 'drives') fail(USAGE);
  let format: ExportFormat = 'xlsx';
  if (what !== 'drives') {
    if (!values.out) fail(`--out FILE is required: the report holds personal data and is written only where you choose\n${USAGE}`);
    const ext = extname(values.out).slice(1).toLowerCase();
    if (ext !== 'xlsx' && ext !== 'csv' && ext !== 'pdf') fail('--out must end in .xlsx, .csv or .pdf');
    format = ext;
  }
  const from = day('--from', values.from);
  const to = day('--to', values.to);
  if (what === 'form02' && !values.drive && !(from && to)) fail(`form02 needs --drive ID or both --from and --to\n${USAGE}`);
  const store = await openStoreForCli();
  try {
    if (what === 'drives') {
      for (const d of listDrives(store.db)) console.log(JSON.stringify({ id: d.id, name: d.name, state: d.state, startsOn: d.startsOn, endsOn: d.endsOn, companies: d.companies.map((c) => c.name) }));
      return;
    }
    let req: ExportRequest;
    if (what === 'form01') {
      if (!values.drive || !values.company) fail(`form01 needs --drive ID and --company NAME\n${USAGE}`);
      const name = values.company.normalize('NFC').trim();
      const company = listDrives(store.db).find((d) => d.id === values.drive)?.companies.find((c) => c.name === name);
      if (!company) fail('no such company in that drive (npm run report -- drives lists them)');
      req = { form: 'form01', companyId: company.id };
    } else {
      req = { form: 'form02', ...(values.drive ? { driveId: values.drive } : {}), ...(values.company ? { companyName: values.company } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
      if (values.drive && !listDrives(store.db).some((d) => d.id === values.drive)) fail('no such drive (npm run report -- drives lists them)');
    }
    const file = await exportForm(store.db, 'cli', req, format, { station: loadConfig().stationName, via: 'cli' });
    writeFileSync(values.out!, file.bytes, { flag: 'wx', mode: 0o600 });
    console.log(JSON.stringify({ form: what, format, rows: file.rows, bytes: file.bytes.length, out: values.out }));
  } finally {
    store.close();
  }
}

main().catch((e: Error & { code?: string }) => {
  console.error(JSON.stringify({ error: e.code === 'EEXIST' ? 'the --out file exists already: choose a new name' : e.message }));
  process.exit(1);
});
