/** Builds the renderer when the build is missing or older than its sources. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export async function ensureRendererBuilt(root: string): Promise<void> {
  // The stamp holds when the last build *started*: a source saved during a build is newer.
  const stamp = join(root, 'out/renderer-built-at');
  const built = existsSync(join(root, 'out/renderer/index.html')) && existsSync(stamp) ? Number(readFileSync(stamp, 'utf8')) : 0;
  const sources = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared')));
  if (built > sources) return;
  console.log('Building the user interface…');
  const started = Date.now();
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  writeFileSync(stamp, String(started));
}
