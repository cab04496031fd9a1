/**
 * Exports of Form 01 and Form 02: the file's bytes and a name, never written to disk here (the
 * screen hands them to the supervisor as a download they save where they choose; the command line
 * writes them to its --out). Every export is recorded in the audit trail (which form, format,
 * filters and row count, never the rows) in its own transaction, before the bytes are returned.
 */
import { isoDateAt } from '../../../shared/domain/dates';
import { listTeams } from '../drives/form01';
import { getDrive } from '../drives/drives';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/database';
import { toCsv } from './csv';
import { form01Sheet } from './form01-sheet';
import { form02Rows, form02Sheet, type Form02Filter } from './form02';
import { toPdf } from './pdf-table';
import { MIME, type ExportFormat, type Sheet } from './sheet';
import { weekly, weeklySheet } from './weekly';
import { toXlsx } from './xlsx';

export type ExportRequest = ({ form: 'form02' } & Form02Filter) | { form: 'form01'; companyId: string } | { form: 'weekly'; driveId: string; weekEnding: string };

export interface ExportFile {
  fileName: string;
  mime: string;
  bytes: Buffer;
  rows: number;
}

export async function render(sheet: Sheet, format: ExportFormat): Promise<Buffer> {
  if (format === 'csv') return toCsv(sheet);
  if (format === 'xlsx') return toXlsx(sheet);
  return toPdf(sheet);
}

function companyName(db: Db, id: string | undefined): string | null {
  if (!id) return null;
  return (db.prepare('SELECT name FROM drive_companies WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null;
}

/** A file name with no personal data: form, dates, a short id. */
function fileName(form: ExportRequest['form'], today: string, format: ExportFormat, tag?: string): string {
  return `${{ form02: 'Mau02', form01: 'Mau01', weekly: 'BaoCaoTuan' }[form]}_${today.replace(/-/g, '')}${tag ? `_${tag}` : ''}.${format}`;
}

export function buildSheet(db: Db, req: ExportRequest, station: string | null, now = new Date()): { sheet: Sheet; rows: number } {
  const today = isoDateAt(now.getTime());
  if (req.form === 'weekly') {
    const w = weekly(db, req.driveId, req.weekEnding);
    return { sheet: weeklySheet(w, station, today), rows: w.rows.length };
  }
  if (req.form === 'form01') {
    const company = companyName(db, req.companyId);
    const driveId = (db.prepare('SELECT drive_id AS d FROM drive_companies WHERE id = ?').get(req.companyId) as { d: string } | undefined)?.d;
    const teams = listTeams(db, req.companyId);
    return { sheet: form01Sheet(teams, { station, companyName: company, driveName: driveId ? getDrive(db, driveId).name : null, today }), rows: teams.length };
  }
  const rows = form02Rows(db, req);
  const ctx = {
    station,
    companyName: companyName(db, req.companyId) ?? (req.companyName ? req.companyName.normalize('NFC').trim() : null),
    driveName: req.driveId ? getDrive(db, req.driveId).name : null,
    today,
    ...(req.from ? { from: req.from } : {}),
    ...(req.to ? { to: req.to } : {}),
  };
  return { sheet: form02Sheet(rows, ctx), rows: rows.length };
}

export async function exportForm(db: Db, actor: string, req: ExportRequest, format: ExportFormat, opts: { station: string | null; via: 'app' | 'cli'; now?: Date }): Promise<ExportFile> {
  const now = opts.now ?? new Date();
  const { sheet, rows } = buildSheet(db, req, opts.station, now);
  const bytes = await render(sheet, format);
  const filters: Record<string, string | null> =
    req.form === 'form02'
      ? { driveId: req.driveId ?? null, companyId: req.companyId ?? null, companyName: req.companyName ? 'given' : null, from: req.from ?? null, to: req.to ?? null }
      : req.form === 'weekly'
        ? { driveId: req.driveId, to: req.weekEnding }
        : { companyId: req.companyId };
  db.transaction(() => {
    appendAudit(db, { actor, action: 'report.exported', at: now.toISOString(), detail: { form: req.form, format, rows, via: opts.via, bytes: bytes.length, ...filters } });
  }).immediate();
  const tag = req.form === 'form01' ? req.companyId : req.form === 'weekly' ? req.driveId : (req.companyId ?? req.driveId);
  return { fileName: fileName(req.form, isoDateAt(now.getTime()), format, tag), mime: MIME[format], bytes, rows };
}
