import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron binary, if its package was installed with the binary. Requiring 'electron' would
 * try to download it on the spot, so read the package's own path.txt instead.
 */
export function electronBinary(): string | null {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const rel = readFileSync(join(pkgDir, 'path.txt'), 'utf8').trim();
    const exe = join(pkgDir, 'dist', rel);
    return rel && existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}
