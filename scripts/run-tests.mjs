// Runs every stage of the suite, shows its output, and adds up what each runner reports.
// Lint, typecheck and build count as one check each. Exit code 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'kiosk-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(cmd, args, env = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { code: r.status ?? 1, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function check(name, cmd, args) {
  console.log(`\n=== ${name}`);
  const r = run(cmd, args);
  const ok = r.code === 0;
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${r.seconds} s)`);
}

function vitest(name, args) {
  console.log(`\n=== ${name}`);
  const file = join(out, `${name}.json`);
  const r = run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${file}`]);
  if (!existsSync(file)) {
    totals.failed += 1;
    lines.push(`FAIL ${name}: no report (exit ${r.code})`);
    return;
  }
  const j = JSON.parse(readFileSync(file, 'utf8'));
  const failed = j.numFailedTests + (r.code !== 0 && j.numFailedTests === 0 ? 1 : 0);
  totals.passed += j.numPassedTests;
  totals.failed += failed;
  totals.skipped += j.numPendingTests + j.numTodoTests;
  lines.push(`${failed ? 'FAIL' : 'ok  '} ${name}: ${j.numPassedTests} passed, ${failed} failed, ${j.numPendingTests} skipped (${r.seconds} s)`);
}

function playwright(name, args) {
  console.log(`\n=== ${name}`);
  const file = join(out, `${name}.json`);
  const r = run('npx', ['playwright', 'test', ...args, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (!existsSync(file)) {
    totals.failed += 1;
    lines.push(`FAIL ${name}: no report (exit ${r.code})`);
    return;
  }
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  const failed = s.unexpected + (r.code !== 0 && s.unexpected === 0 ? 1 : 0);
  totals.passed += s.expected + s.flaky;
  totals.failed += failed;
  totals.skipped += s.skipped;
  lines.push(`${failed ? 'FAIL' : 'ok  '} ${name}: ${s.expected + s.flaky} passed, ${failed} failed, ${s.skipped} skipped (${r.seconds} s)`);
}

check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('typecheck', 'npx', ['tsc', '-b']);
const buildStarted = Date.now();
check('build (electron-vite: main, preload, renderer)', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']);
// The same freshness stamp `npm start` writes after its own build (electron/cli/build-renderer.ts),
// so the start tests use this build instead of building the renderer again.
if (existsSync('out/renderer/index.html')) writeFileSync('out/renderer-built-at', String(buildStarted));
vitest('unit', []);
vitest('integration', ['--config', 'tests/integration/vitest.config.ts']);
playwright('e2e-app', []);
if (existsSync('tests/e2e/portrait/playwright.config.ts')) playwright('e2e-portrait', ['-c', 'tests/e2e/portrait']);

console.log('\n=== summary');
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
