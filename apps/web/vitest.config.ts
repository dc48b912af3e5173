import { defineConfig } from 'vitest/config';

// One project for the SPA: unit tests next to the code, browser tests in e2e/. The global setup
// builds the SPA and starts the real API server once for the whole run.
export default defineConfig({
  test: {
    name: 'web',
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    // Browser files share one server and two CPU cores: run them one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    // Browser steps wait on password hashing and a busy CPU; one second is too tight for expect.poll.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 120_000,
  },
});
