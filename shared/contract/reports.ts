/**
 * Reports over the bridge: Form 01, Form 02 and the weekly summary as XLSX, CSV or PDF (their
 * bytes, for the screen to hand to the supervisor as a download they save where they choose;
 * every export audited), the station's statistics, and the citizen's receipt.
 */
import { z } from 'zod';
import { dossierIdSchema as dossierId, isoDateSchema as isoDate } from '../domain/shapes';
import { DOSSIER_STATES } from '../domain/dossier-state';
import { defineCall } from './define';
import { companyIdSchema, driveIdSchema } from './drives';


export const REPORT_ERRORS = ['drive.not_found', 'report.empty_filter', 'store.locked'] as const;
export const EXPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;

export const exportRequestSchema = z.discriminatedUnion('form', [
  z.object({ form: z.literal('form02'), driveId: driveIdSchema.optional(), companyId: companyIdSchema.optional(), from: isoDate.optional(), to: isoDate.optional() }).strict(),
  z.object({ form: z.literal('form01'), companyId: companyIdSchema }).strict(),
  z.object({ form: z.literal('weekly'), driveId: driveIdSchema, weekEnding: isoDate }).strict(),
]);

/** A file for the screen to offer as a download (base64; a 10,000-row PDF is a few MB). */
const fileSchema = z.object({ fileName: z.string().max(120), mime: z.string().max(100), base64: z.string().max(60_000_000), rows: z.number().int() });
export type ExportedFile = z.infer<typeof fileSchema>;

export const reportExport = defineCall('report.export', {
  input: z.object({ request: exportRequestSchema, format: z.enum(EXPORT_FORMATS) }).strict(),
  output: fileSchema,
  errors: REPORT_ERRORS,
  access: 'drives',
  summary: 'Form 01, Form 02 (filtered by drive, company and days) or the weekly summary as a file; audited',
});

const counts = z.record(z.enum(DOSSIER_STATES), z.number().int());
export const statsSchema = z.object({
  from: isoDate,
  to: isoDate,
  byDay: z.array(z.object({ day: isoDate, total: z.number().int(), byState: z.partialRecord(z.enum(DOSSIER_STATES), z.number().int()) })).max(400),
  byOfficer: z.array(z.object({ officerId: z.string(), name: z.string(), total: z.number().int(), byState: z.partialRecord(z.enum(DOSSIER_STATES), z.number().int()) })).max(500),
  byOutcome: counts,
  byCompany: z.array(z.object({ companyId: z.string().nullable(), name: z.string().nullable(), total: z.number().int() })).max(500),
  total: z.number().int(),
});
export type StatsView = z.infer<typeof statsSchema>;

export const reportStats = defineCall('report.stats', {
  input: z.object({ from: isoDate, to: isoDate, driveId: driveIdSchema.optional() }).strict().refine((v) => v.from <= v.to, 'from after to'),
  output: statsSchema,
  errors: REPORT_ERRORS,
  access: 'queue.counts',
  summary: "The station's dossiers per day, officer, outcome and company over up to 366 days",
});

const weeklyRow = z.object({ companyId: z.string().nullable(), company: z.string(), teams: z.number().int(), week: z.number().int(), total: z.number().int(), sent: z.number().int(), accepted: z.number().int(), rejected: z.number().int() });
export const weeklySchema = z.object({ driveId: driveIdSchema, driveName: z.string(), from: isoDate, to: isoDate, rows: z.array(weeklyRow).max(60), totals: weeklyRow.omit({ companyId: true, company: true }) });
export type WeeklyView = z.infer<typeof weeklySchema>;

export const reportWeekly = defineCall('report.weekly', {
  input: z.object({ driveId: driveIdSchema, weekEnding: isoDate }).strict(),
  output: weeklySchema,
  errors: REPORT_ERRORS,
  access: 'drives',
  summary: "A drive's weekly summary per company for the seven days ending on weekEnding",
});

export const receiptPdf = defineCall('receipt.pdf', {
  input: z.object({ id: dossierId, size: z.enum(['a5', '80mm']) }).strict(),
  output: z.object({ fileName: z.string().max(80), base64: z.string().max(2_000_000) }),
  errors: ['dossier.not_found', 'receipt.unavailable', 'store.locked'] as const,
  access: 'intake',
  summary: "The citizen's receipt of a submitted dossier (own dossiers; a supervisor's for any), A5 or 80 mm",
});
