/** The browser shell as start.ts runs it, against files another local user left in its way. */
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../host/config';
import { createLogger } from '../host/log';
import { runBrowserShell } from './main';

describe('runBrowserShell --url-file', () => {
  it('never writes the launch secret into a readable file someone left at that path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-main-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer/index.html'), '<!doctype html>');
    const urlFile = join(dir, 'url.txt');
    writeFileSync(urlFile, '');
    chmodSync(urlFile, 0o666);
    const theirs = openSync(urlFile, 'r');
    const shell = await runBrowserShell({
      appVersion: '0.0.0-test',
      config: configSchema.parse({ dataDir: join(dir, 'data') }),
      demo: true,
      log: createLogger(() => {}),
      rendererDir: join(dir, 'renderer'),
      open: false,
      urlFile,
    });
    try {
      const buf = Buffer.alloc(300);
      expect(readSync(theirs, buf, 0, 300, 0)).toBe(0);
      expect(statSync(urlFile).mode & 0o777).toBe(0o600);
      expect(readFileSync(urlFile, 'utf8').trim()).toBe(shell.server.appUrl);
    } finally {
      closeSync(theirs);
      await shell.stop();
    }
  });
});
