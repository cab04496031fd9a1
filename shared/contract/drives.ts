/**
 * Enrolment drives over the bridge: a supervisor or the administrator ('drives') opens, lists and
 * closes drives and enters Form 01; any officer who takes intakes switches the kiosk's current
 * company in one touch, and every signed-in officer sees which drive and company are current.
 */
import { z } from 'zod';
import { isoDateSchema as isoDate } from '../domain/shapes';
import { defineCall, noInput } from './define';

export const driveIdSchema = z.string().regex(/^DR-[0-9A-F]{12}$/);
export const companyIdSchema = z.string().regex(/^CO-[0-9A-F]{12}$/);
const name = z.string().trim().min(1).max(200);

export const DRIVE_ERRORS = ['drive.not_found', 'drive.closed', 'drive.already_open', 'drive.invalid', 'store.locked'] as const;

export const companySchema = z.object({ id: companyIdSchema, name: z.string() });
export const driveSchema = z.object({
  id: driveIdSchema,
  name: z.string(),
  place: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  state: z.enum(['open', 'closed']),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  reportsUntil: z.string().nullable(),
  companies: z.array(companySchema),
});
export type DriveView = z.infer<typeof driveSchema>;

const currentSchema = z.object({ current: z.object({ drive: driveSchema, companyId: companyIdSchema.nullable() }).nullable() });

export const driveList = defineCall('drive.list', {
  input: noInput,
  output: z.object({ drives: z.array(driveSchema).max(200) }),
  errors: DRIVE_ERRORS,
  access: 'drives',
  summary: 'The drives, newest first, with their companies',
});

export const driveOpen = defineCall('drive.open', {
  input: z.object({ name, place: name, startsOn: isoDate, endsOn: isoDate, companies: z.array(name).min(1).max(50) }).strict(),
  output: driveSchema,
  errors: DRIVE_ERRORS,
  access: 'drives',
  summary: 'Opens a drive with its companies and makes it current (its first company current); one drive is open at a time',
});

export const driveAddCompany = defineCall('drive.addCompany', {
  input: z.object({ driveId: driveIdSchema, name }).strict(),
  output: driveSchema,
  errors: DRIVE_ERRORS,
  access: 'drives',
  summary: 'Adds a company to an open drive',
});

export const driveClose = defineCall('drive.close', {
  input: z.object({ id: driveIdSchema }).strict(),
  output: driveSchema,
  errors: DRIVE_ERRORS,
  access: 'drives',
  summary: "Closes a drive: no dossier is tagged with it any more; its forms stay reportable for the report period",
});

export const driveCurrent = defineCall('drive.current', {
  input: noInput,
  output: currentSchema,
  errors: DRIVE_ERRORS,
  access: 'signed_in',
  summary: "The kiosk's open drive and its current company, if any",
});

export const driveSwitchCompany = defineCall('drive.switchCompany', {
  input: z.object({ companyId: companyIdSchema.nullable() }).strict(),
  output: currentSchema,
  errors: DRIVE_ERRORS,
  access: 'intake',
  summary: 'The company the next dossiers are tagged with (one touch); null for none of them',
});

const memberSchema = z.object({ fullName: z.string().trim().min(1).max(120), position: z.string().trim().max(120), phone: z.string().trim().max(20).regex(/^[0-9+ ]*$/) });
export const teamSchema = z.object({ teamName: z.string().trim().min(1).max(200), note: z.string().trim().max(500), members: z.array(memberSchema).max(50) });
export type TeamView = z.infer<typeof teamSchema>;

export const form01Get = defineCall('form01.get', {
  input: z.object({ companyId: companyIdSchema }).strict(),
  output: z.object({ teams: z.array(teamSchema).max(100) }),
  errors: DRIVE_ERRORS,
  access: 'drives',
  summary: "A company's outreach teams (Form 01)",
});

export const form01Save = defineCall('form01.save', {
  input: z.object({ companyId: companyIdSchema, teams: z.array(teamSchema).max(100) }).strict(),
  output: z.object({ teams: z.array(teamSchema).max(100) }),
  errors: DRIVE_ERRORS,
  access: 'drives',
  summary: "Replaces a company's outreach teams (Form 01) while its drive is open",
});
