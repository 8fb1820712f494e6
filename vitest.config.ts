import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Browser and LibreOffice tests start real processes: two cores, so keep the pool small.
    maxWorkers: 2,
  },
});
