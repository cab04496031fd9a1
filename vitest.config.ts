import { defineConfig } from 'vitest/config';

// Unit tests live beside the code they test. Tests that need real middleware (pcscd, a TLS
// upstream) live in tests/integration and run with their own config.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'tests/lint/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: ['default'],
  },
});
