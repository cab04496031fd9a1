/**
 * The whole bridge contract: every call and every event, keyed by name.
 * Add a domain by writing `shared/contract/<domain>.ts` and listing its declarations here.
 */
import type { z } from 'zod';
import type { CallDef, EventDef, Result, BridgeErrorCode } from './define';
import { systemInfo, systemPing } from './system';
import { deviceStatus, deviceChanged, cameraSetAllowed } from './device';
import { cardRead, cardCancel, cardProgress } from './card';
import { demoSetCard, demoCardStatus } from './demo';
import { trustList } from './trust';
import { authStatus, storeCreate, storeUnlock, authSignIn, authSignOut, authChanged, authConfirmSupervisor } from './auth';
import { settingsGet, settingsSet, stationSetName } from './settings';
import { syncStatus, syncDossier, syncPause, syncEnrol, syncChanged } from './sync';
import { driveList, driveOpen, driveAddCompany, driveClose, driveCurrent, driveSwitchCompany, form01Get, form01Save } from './drives';
import { reportExport, reportStats, reportWeekly, receiptPdf } from './reports';
import { faceCompare, faceAcknowledge } from './face';
import { dossierCreate, dossierSave, dossierSubmit, dossierCancel, dossierGet, dossierList, dossierDecide, dossierHistory, dossierCounts, dossierImage } from './dossier';

export * from './define';
export * from './system';
export * from './device';
export * from './wire';
export * from './card';
export * from './demo';
export * from './trust';
export * from './auth';
export * from './dossier';
export * from './settings';
export * from './sync';
export * from './drives';
export * from './reports';
export * from './face';

const callList = [systemInfo, systemPing, deviceStatus, cameraSetAllowed, cardRead, cardCancel, demoSetCard, demoCardStatus, trustList,
  authStatus, storeCreate, storeUnlock, authSignIn, authSignOut, authConfirmSupervisor,
  dossierCreate, dossierSave, dossierSubmit, dossierCancel, dossierGet, dossierList, dossierDecide, dossierHistory, dossierCounts, dossierImage,
  settingsGet, settingsSet, stationSetName,
  syncStatus, syncDossier, syncPause, syncEnrol,
  driveList, driveOpen, driveAddCompany, driveClose, driveCurrent, driveSwitchCompany, form01Get, form01Save, reportExport, reportStats, reportWeekly, receiptPdf,
  faceCompare, faceAcknowledge] as const;
const eventList = [deviceChanged, cardProgress, authChanged, syncChanged] as const;

type CallList = typeof callList;
type EventList = typeof eventList;

export type Calls = { [C in CallList[number] as C['channel']]: C };
export type Events = { [E in EventList[number] as E['name']]: E };
export type Channel = keyof Calls;
export type EventName = keyof Events;

export const calls: Calls = Object.fromEntries(callList.map((c) => [c.channel, c])) as Calls;
export const events: Events = Object.fromEntries(eventList.map((e) => [e.name, e])) as Events;
export const channelNames = callList.map((c) => c.channel) as readonly Channel[];
export const eventNames = eventList.map((e) => e.name) as readonly EventName[];

export type CallInput<C extends Channel> = z.input<Calls[C]['input']>;
export type CallOutput<C extends Channel> = z.output<Calls[C]['output']>;
export type CallErrorCode<C extends Channel> = Calls[C]['errors'][number] | BridgeErrorCode;
export type CallResult<C extends Channel> = Result<CallOutput<C>, CallErrorCode<C>>;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

export type AnyCallDef = CallDef;
export type AnyEventDef = EventDef;
