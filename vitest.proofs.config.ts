import { defineConfig } from 'vitest/config';
import { PROOFS, shared } from './vitest.config.js';

/**
 * The tests of what proves, alone: what `npm run mutation` (stryker.config.mjs) runs against each
 * mutant of the certifiers and the interval arithmetic under them.
 */
export default defineConfig({ resolve: shared.resolve, test: { ...shared.test, include: PROOFS } });
