/**
 * `npm run doctor [-- --json] [-- --demo]`: checks everything the kiosk needs and says how to fix
 * what is missing. Exit code 1 when a required item fails.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findChromium } from '../browser/chromium';
import { loadConfig } from '../host/config';
import { runChecks } from '../host/doctor/checks';
import { electronBinary } from './electron-binary';

const MARK = { ok: '✓', warn: '!', fail: '✗' } as const;

async function main() {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, demo: { type: 'boolean', default: false } } });
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const config = loadConfig();
  const checks = await runChecks({ root, config, demo: values.demo, chromium: findChromium(), electron: electronBinary() });
  const failed = checks.filter((c) => c.required && c.status === 'fail');
  if (values.json) {
    console.log(JSON.stringify({ ok: failed.length === 0, checks }, null, 2));
  } else {
    for (const c of checks) {
      console.log(`${MARK[c.status]} ${c.id.padEnd(15)} ${c.summary}`);
      console.log(`  ${''.padEnd(15)} ${c.summaryVi}`);
      if (c.fix) console.log(`  ${''.padEnd(15)} → ${c.fix} / ${c.fixVi ?? ''}`);
    }
    console.log(failed.length ? `\n${failed.length} required item(s) missing — the kiosk cannot run as configured.` : '\nAll required items present.');
  }
  process.exit(failed.length ? 1 : 0);
}

void main();
