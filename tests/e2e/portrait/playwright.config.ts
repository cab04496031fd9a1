// Portrait/liveness end-to-end tests: Chromium's fake camera fed with real faces (y4m made at
// test time from ../shared/faces beside the checkout, or $FACES_DIR). Each test launches its own browser because
// the fake camera file is a browser flag. Run: npx playwright test -c tests/e2e/portrait
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  workers: 1,
  // Generous: under load each test waits longer for its verdicts (see VERDICT_TIMEOUT_MS in support.ts).
  timeout: 180_000,
  retries: 0,
  reporter: [['list']],
});
