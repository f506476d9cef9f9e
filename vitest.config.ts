import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'properties/**/*.test.ts'],
    setupFiles: ['properties/fast-check-setup.ts'],
    testTimeout: 120_000,
  },
});
