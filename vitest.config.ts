import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The tests of what proves (the certifiers handed margins they must refuse, the interval
 * arithmetic under them): a group of their own that runs first, so that a certifier that lies
 * fails `npm test` in its first seconds, not after the long property suites.
 */
export const PROOFS = ['src/check/certifiers.test.ts', 'src/check/certify.test.ts', 'src/interpolation/certifier.test.ts', 'src/constructions/certifier.test.ts', 'src/arith/interval.test.ts', 'src/arith/interval64.test.ts'];

/** What every run of the tests shares: the whole suite below, and the proofs alone (vitest.proofs.config.ts). */
export const shared = {
  // Files that import the public API by the package's name get the sources under test.
  resolve: { alias: [{ find: /^samcheck$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) }] },
  test: {
    setupFiles: ['properties/fast-check-setup.ts'],
    // Budgets are counts of cases and evaluations, never times (properties/no-time-budgets.test.ts
    // keeps it so): this timeout decides no verdict, it only stops a test that hangs, and is long
    // enough that a loaded or slow machine never reaches it.
    testTimeout: 30 * 60_000,
    hookTimeout: 10 * 60_000,
    // Test files on every core: vitest 4.1 left one of this project's two cores idle by default
    // (measured: 438 s a run with one file at a time, 282 s on both, the same 688 tests passing).
    maxWorkers: availableParallelism(),
  },
};

export default defineConfig({
  resolve: shared.resolve,
  test: {
    ...shared.test,
    projects: [
      { extends: true, test: { name: 'proofs', include: PROOFS, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'suite', include: ['src/**/*.test.ts', 'properties/**/*.test.ts'], exclude: PROOFS, sequence: { groupOrder: 1 } } },
    ],
  },
});
