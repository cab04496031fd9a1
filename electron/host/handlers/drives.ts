/**
 * Drive and Form 01 calls. The dispatcher has checked the role ('drives' to manage, 'intake' to
 * switch the company); the acting officer comes from the session, never from the payload, and the
 * store functions write each change with its audit entry.
 */
import type { HandlerTable } from '../bridge/dispatch';
import { HostError } from '../bridge/host-error';
import type { HostContext } from '../host-context';
import * as Drives from '../drives/drives';
import { listTeams, saveTeams } from '../drives/form01';

type DriveChannels = 'drive.list' | 'drive.open' | 'drive.addCompany' | 'drive.close' | 'drive.current' | 'drive.switchCompany' | 'form01.get' | 'form01.save';

export function driveErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Drives.DriveError) throw new HostError(`drive.${e.code}`, e.code);
    throw e;
  }
}

export async function driveErrorsAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Drives.DriveError) throw new HostError(`drive.${e.code}`, e.code);
    throw e;
  }
}

export function actorId(ctx: HostContext): string {
  const o = ctx.auth.officer();
  if (!o) throw new HostError('store.locked', 'Nobody is signed in.');
  return o.id;
}

export function driveHandlers(ctx: HostContext): Pick<HandlerTable, DriveChannels> {
  const db = () => ctx.auth.db;
  return {
    'drive.list': () => driveErrors(() => ({ drives: Drives.listDrives(db()) })),
    'drive.open': (input) => driveErrors(() => Drives.openDrive(db(), actorId(ctx), input)),
    'drive.addCompany': ({ driveId, name }) => driveErrors(() => Drives.addCompany(db(), actorId(ctx), driveId, name)),
    'drive.close': ({ id }) => driveErrors(() => Drives.closeDrive(db(), actorId(ctx), id)),
    'drive.current': () => driveErrors(() => ({ current: Drives.currentDrive(db()) })),
    'drive.switchCompany': ({ companyId }) => driveErrors(() => ({ current: Drives.switchCompany(db(), actorId(ctx), companyId) })),
    'form01.get': ({ companyId }) => driveErrors(() => ({ teams: listTeams(db(), companyId) })),
    'form01.save': ({ companyId, teams }) => driveErrors(() => ({ teams: saveTeams(db(), actorId(ctx), companyId, teams) })),
  };
}
