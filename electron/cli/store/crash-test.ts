/**
 * `npm run test:crash -- --kills N [--seed S]`: kills the store's process with SIGKILL at random
 * moments while it saves, submits and approves dossiers (and, every tenth kill, while a new store
 * is created and migrated), restarts it each time, then checks what survived. Prints
 *   kills N, committed C, lost 0, duplicated 0, half-written 0, audit ok
 * and exits 1 when any count is not zero. The kill moments come from a seeded generator, never
 * from how fast the machine is: the worker is killed after a random number of its own commits.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAccount, createFirstAdmin } from '../../host/auth/accounts';
import { createStore, unlockStore } from '../../host/store/store';
import { seededRng } from '../../../shared/domain/rng';
import { checkAfterCrashes, CRASH_KDF, idNumberOf } from './crash-check';

const workerSource = fileURLToPath(new URL('./crash-worker.ts', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

/** One plain-JS bundle of the worker, so each of hundreds of restarts costs Node's start, not a TS compile. */
async function bundleWorker(): Promise<string> {
  const { build } = await import('esbuild');
  // Inside the project, so the native module resolves from its node_modules.
  const out = join(root, '.cache', `crash-worker-${process.pid}.mjs`);
  await build({
    entryPoints: [workerSource],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    external: ['better-sqlite3-multiple-ciphers'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
    nodePaths: [join(root, 'node_modules')],
  });
  return out;
}
let worker = '';
const PASS = 'crash-test passphrase 2026';

function run(args: string[], env: Record<string, string>, onLine: (line: string, kill: () => void) => void): Promise<void> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [worker, ...args], { cwd: root, env: { ...process.env, ...env, KIOSK_STORE_PASSPHRASE: PASS }, stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    let err = '';
    const kill = () => child.kill('SIGKILL');
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        onLine(line, kill);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) process.stderr.write(`worker exited ${code}: ${err.slice(-2000)}\n`);
      done();
    });
  });
}

async function main() {
  const { values } = parseArgs({ options: { kills: { type: 'string', default: '20' }, seed: { type: 'string', default: String(Date.now() % 1e9) }, keep: { type: 'boolean', default: false } } });
  const kills = Number(values.kills);
  const seed = Number(values.seed);
  const rand = seededRng(seed);
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
  worker = await bundleWorker();
  const setup = await createStore(join(dir, 'main'), { passphrase: PASS }, CRASH_KDF);
  const admin = await createFirstAdmin(setup.db, { username: 'qtv01', displayName: 'Quản trị', password: 'Quản-trị-2026' });
  const officer = await createAccount(setup.db, admin.id, { username: 'cb01', displayName: 'Cán bộ', role: 'officer', password: 'Cán-bộ-2026!' });
  const supervisor = await createAccount(setup.db, admin.id, { username: 'ld01', displayName: 'Lãnh đạo', role: 'supervisor', password: 'Lãnh-đạo-2026!' });
  setup.close();
  const env = { CRASH_OFFICER: officer.id, CRASH_SUPERVISOR: supervisor.id };

  const reported = new Map<number, { state: string; id: string }>();
  let transitions = 0;
  let next = 0;
  let migrationKills = 0;
  let migrationProblems = 0;
  for (let k = 0; k < kills; k++) {
    if (k % 10 === 9) {
      // Kill while a fresh store is created and migrated, then check it opens and migrates.
      const fresh = join(dir, `migrate-${k}`);
      const after = Math.floor(rand() * 3);
      let seen = 0;
      await run([fresh, '0', 'create'], env, (_l, kill) => (++seen > after ? kill() : undefined));
      await run([fresh, '0', 'create'], env, () => {});
      try {
        const s = await unlockStore(fresh, { passphrase: PASS });
        if (s.db.pragma('integrity_check', { simple: true }) !== 'ok') migrationProblems++;
        s.close();
      } catch (e) {
        migrationProblems++;
        process.stderr.write(`after a kill during creation the store did not open: ${(e as Error).message}\n`);
      }
      migrationKills++;
      rmSync(fresh, { recursive: true, force: true });
      continue;
    }
    // Killed after a random number (0–11) of its own commit lines: a point in the middle of the work.
    const stopAfter = Math.floor(rand() * 12);
    let commits = 0;
    await run([join(dir, 'main'), String(next)], env, (line, kill) => {
      const m = /^C (\d+) (\w+) (\S+)$/.exec(line);
      if (!m) return;
      const n = Number(m[1]);
      reported.set(n, { state: m[2]!, id: m[3]! });
      transitions++;
      if (m[2] === 'queued') next = Math.max(next, n + 1);
      if (++commits > stopAfter) setImmediate(kill); // a moment later: the next transaction is under way
    });
  }

  const s = await unlockStore(join(dir, 'main'), { passphrase: PASS });
  const v = checkAfterCrashes(s.db, reported, idNumberOf);
  s.close();
  const halfWritten = v.halfWritten + migrationProblems;
  for (const p of v.problems) process.stderr.write(`problem: ${p}\n`);
  console.log(JSON.stringify({ bench: 'crash', seed, kills, migrationKills, intakes: next }));
  console.log(`kills ${kills}, committed ${transitions}, lost ${v.lost}, duplicated ${v.duplicated}, half-written ${halfWritten}, audit ${v.auditOk ? 'ok' : 'BROKEN'}`);
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  rmSync(worker, { force: true });
  process.exit(v.lost || v.duplicated || halfWritten || !v.auditOk ? 1 : 0);
}

void main();
