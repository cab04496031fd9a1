/**
 * Looks for personal data in clear in every file of the kiosk's data folders (database, WAL,
 * journal, temp files, logs, key file): each needle as UTF-8 bytes, or raw bytes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every (file, needle label) where a needle occurs; empty when nothing is readable. */
export function plaintextFound(dirs: string[], needles: Record<string, string | Buffer>): Array<{ file: string; needle: string }> {
  const found: Array<{ file: string; needle: string }> = [];
  const files = dirs.flatMap(filesUnder);
  if (files.length === 0) throw new Error(`no files under ${dirs.join(', ')}`);
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const [label, n] of Object.entries(needles)) if (bytes.includes(typeof n === 'string' ? Buffer.from(n, 'utf8') : n)) found.push({ file, needle: label });
  }
  return found;
}
