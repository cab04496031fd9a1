/**
 * End-to-end tests of the whole app through the browser shell (system Chromium, headless), plus
 * an Electron project that runs only where the Electron binary exists. The portrait tests have
 * their own config (tests/e2e/portrait) because each needs its own fake-camera browser.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium';

export default defineConfig({
  testDir: './tests/e2e',
  testIgnore: ['portrait/**'],
  globalSetup: './tests/e2e/app/global-setup.ts',
  workers: 1,
  timeout: 60_000,
  retries: 0,
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
  },
  projects: [
    { name: 'browser-shell', testMatch: 'app/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
