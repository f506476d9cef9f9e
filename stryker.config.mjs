// @ts-check
/**
 * Mutation testing of what proves (`npm run mutation`): the certifiers (card verdicts in
 * intervals, class-wide files) and the interval arithmetic under them, each mutant set against the
 * tests of the 'proofs' group (vitest.proofs.config.ts). A mutant that survives is a change to a
 * proof that no test notices: kill it with a test, or say why it is equivalent. The report goes to
 * reports/mutation/ (not committed).
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.proofs.config.ts', related: false },
  mutate: ['src/check/certify.ts', 'src/interpolation/certify.ts', 'src/arith/interval.ts', 'src/arith/interval64.ts'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  concurrency: 2,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
