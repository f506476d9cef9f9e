import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Files that import the public API by the package's name get the sources under test.
  resolve: { alias: [{ find: /^samcheck$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) }] },
  test: {
    include: ['src/**/*.test.ts', 'properties/**/*.test.ts'],
    setupFiles: ['properties/fast-check-setup.ts'],
    // Budgets are counts of cases and evaluations, never times (properties/no-time-budgets.test.ts
    // keeps it so): this timeout decides no verdict, it only stops a test that hangs, and is long
    // enough that a loaded or slow machine never reaches it.
    testTimeout: 30 * 60_000,
    hookTimeout: 10 * 60_000,
  },
});
