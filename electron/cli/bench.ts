/**
 * `npm run bench [-- --only card|portrait|store|face|sync|reports]` (or `npm run bench -- NAME`, e.g. `-- sync`:
 * upload rate and backlog drain; `-- reports`: Form 02 of 10,000 rows): every benchmark, JSON lines on stdout. The first line
 * states the setup (machine, Node, Chromium); each part then states its own model and inputs.
 * Parts run as child processes so one part's set-up (pcscd, Chromium) cannot skew another.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findChromium } from '../browser/chromium';

const root = fileURLToPath(new URL('../..', import.meta.url));

function chromiumVersion(): string | null {
  const exe = findChromium();
  if (!exe) return null;
  try {
    return execFileSync(exe, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return exe;
  }
}

const PARTS: Record<string, string[]> = {
  card: ['electron/cli/bench-card.ts', '--runs', '5'],
  portrait: ['electron/cli/bench-portrait.ts'],
  store: ['electron/cli/bench-store.ts'],
  face: ['electron/cli/bench-face.ts'],
  reports: ['electron/cli/bench-reports.ts'],
  sync: ['electron/cli/bench-sync.ts', '--runs', '3'],
};

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { only: { type: 'string' } } });
  // `npm run bench -- reports` is the same as `--only reports`.
  const only = values.only ?? positionals[0];
  console.log(
    JSON.stringify({
      bench: 'setup',
      cpu: cpus()[0]?.model,
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.versions.node,
      chromium: chromiumVersion(),
      loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
      note: 'card: real pcscd + vpcd + virtual CCCD (quickack namespace when root); portrait: headless Chromium, CPU delegate, fake camera; sync: reference upstream in a child process of its own (its verification threads on the same cores), packets with chip files and SOD, median of 3',
    }),
  );
  let failed = 0;
  for (const [name, args] of Object.entries(PARTS)) {
    if (only && only !== name) continue;
    const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) {
      failed++;
      console.log(JSON.stringify({ bench: name, error: `exit ${r.status}` }));
    }
  }
  process.exit(failed ? 1 : 0);
}

main();
