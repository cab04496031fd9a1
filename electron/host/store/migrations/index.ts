/** Every schema step in order. Leave gaps (10, 20, 30) so a hotfix can slot in between. */
import { m0010 } from './0010-initial';
import { m0030 } from './0030-sync';
import { m0040 } from './0040-drives-reports';
import { m0050 } from './0050-resumable-uploads';
import { m0051 } from './0051-upload-claims';
import { m0060 } from './0060-audit-by-dossier';
import type { Migration } from './runner';

export const MIGRATIONS: readonly Migration[] = [m0010, m0030, m0040, m0050, m0051, m0060];
export { FutureDatabaseError, migrate, schemaVersion, type Migration } from './runner';
