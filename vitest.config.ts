import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts', 'bench/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    // Servers started by the tests run jobs themselves; the nightly discovery run (02:00–03:00 China time) would be
    // queued by each of them when the suite runs in that hour, and a test's own run refused as RUN_IN_PROGRESS.
    // Tests of the schedule pass their own settings.
    env: { DISCOVERY_SCHEDULE: 'off' },
  },
});
