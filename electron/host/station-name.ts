/**
 * The station's name as the administrator typed it on the kiosk (first run or settings), kept in
 * `<dataDir>/station.json` beside the store: shown before anyone signs in, so not in the encrypted
 * database, and not personal data. A name in the configuration file wins (the operator set it).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { stationNameSchema } from '../../shared/contract/settings';

const FILE = 'station.json';
const fileSchema = z.object({ stationName: stationNameSchema }).strict();

/** The name saved on this kiosk, or null (none yet, or a file that is not ours: never a crash). */
export function readStationName(dataDir: string): string | null {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return null;
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data.stationName : null;
  } catch {
    return null;
  }
}

/** Written whole or not at all (a temporary file renamed over the old one). */
export function writeStationName(dataDir: string, name: string): string {
  const stationName = stationNameSchema.parse(name);
  const path = join(dataDir, FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ stationName })}\n`, { mode: 0o644 });
  renameSync(tmp, path);
  return stationName;
}
