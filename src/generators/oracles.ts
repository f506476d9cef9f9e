/**
 * fast-check arbitraries of noise oracles for a function of dimension d. Discrete noise is exactly
 * centred: probabilities are drawn as w_j/W and the last value as −(Σ_{j<k} w_j v_j)/w_k, both
 * written as fractions.
 */
import fc from 'fast-check';
import type { NumberText } from '../arith/literal.js';
import type { FamilySpec } from '../functions/types.js';
import { userOracle } from '../oracles/build.js';
import type { OracleSpec } from '../oracles/oracle.js';
import { arbPoint } from './functions.js';
import { arbPositive, plusText, timesText } from './numbers.js';

/** The noise of a stochastic case: every model the suite has, or only those of `allowed`. */
export function arbOracleSpec(f: FamilySpec, d: number, allowed?: readonly string[]): fc.Arbitrary<OracleSpec> {
  const sigma = arbPositive(-2, 1);
  const kinds: [string, fc.Arbitrary<OracleSpec>][] = [
    ['gaussian', sigma.map((s) => ({ kind: 'gaussian' as const, sigma: s }))],
    [
      'gaussian',
      fc
        .array(fc.oneof(fc.constant('0'), arbPositive(-2, 1)), { minLength: d, maxLength: d })
        .filter((scales) => scales.some((s) => s !== '0'))
        .map((scales) => ({ kind: 'gaussian' as const, scales })),
    ],
    ['rademacher', sigma.map((s) => ({ kind: 'rademacher' as const, sigma: s }))],
    ['student-t', fc.tuple(sigma, fc.constantFrom(5, 6, 10, 30)).map(([s, dof]) => ({ kind: 'student-t' as const, sigma: s, dof }))],
    ['discrete', arbDiscrete(d)],
    ['two-point', fc.tuple(arbPositive(0, 2), arbPositive(-1, 1)).map(([K, s]) => ({ kind: 'two-point' as const, K, s }))],
  ];
  if (f.family === 'quadratic') kinds.push(['finite-sum', arbFiniteSum(d)]);
  // Noise models made by defineOracle: only where a claim names them.
  for (const kind of allowed ?? []) {
    const user = userOracle(kind);
    if (user !== undefined) kinds.push([kind, user.arbitrary(d)]);
  }
  const chosen = kinds.filter(([kind]) => allowed === undefined || allowed.includes(kind)).map(([, arbitrary]) => arbitrary);
  if (chosen.length === 0) throw new RangeError(`no noise model among ${allowed?.join(', ')} for a ${f.family}`);
  return fc.oneof(...chosen).filter(hasNoise);
}

/** Whether the noise is not identically 0 (σ² > 0): a discrete or finite-sum draw can be all zeros. */
function hasNoise(oracle: OracleSpec): boolean {
  const nonzero = (vectors: readonly (readonly string[])[]) => vectors.some((v) => v.some((c) => c !== '0'));
  if (oracle.kind === 'discrete') return nonzero(oracle.values);
  if (oracle.kind === 'finite-sum') return nonzero(oracle.offsets);
  return true;
}

/** 2 to 4 noise vectors with probabilities w_j/W, the last vector completing a mean of 0. */
function arbDiscrete(d: number): fc.Arbitrary<OracleSpec> {
  return fc.integer({ min: 2, max: 4 }).chain((k) =>
    fc
      .record({
        values: fc.array(arbPoint(d, [-2, 1]), { minLength: k - 1, maxLength: k - 1 }),
        weights: fc.array(fc.integer({ min: 1, max: 99 }), { minLength: k, maxLength: k }),
      })
      .map(({ values, weights }) => {
        const total = String(weights.reduce((a, b) => a + b, 0));
        const last = weights[k - 1]!;
        const completion = Array.from({ length: d }, (_, i) => {
          const numerator = values.reduce((acc, v, j) => plusText(acc, timesText(String(weights[j]!), v[i]!)), '0');
          return numerator === '0' ? '0' : `${timesText('-1', numerator)}/${last}`;
        });
        return { kind: 'discrete' as const, values: [...values, completion], probabilities: weights.map((w) => `${w}/${total}`) };
      }),
  );
}

/** 2 to 5 offsets d_i of the components' centres, the last one −Σ of the others. */
function arbFiniteSum(d: number): fc.Arbitrary<OracleSpec> {
  return fc.array(arbPoint(d, [-2, 0]), { minLength: 1, maxLength: 4 }).map((offsets) => {
    const last: NumberText[] = Array.from({ length: d }, (_, i) => timesText('-1', offsets.reduce((acc, o) => plusText(acc, o[i]!), '0')));
    return { kind: 'finite-sum' as const, offsets: [...offsets, last] };
  });
}
