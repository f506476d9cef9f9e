/**
 * The extension points: methods and families a user defines run through the same paths as the
 * built-in ones (every backend, the checks), and a family whose certificate is wrong is refused
 * before it can serve a verdict.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { axpy, checkCard, norm, decimalBackend, defineConjecture, defineFamily, defineMethod, defineOracle, executeRun, executeStochasticRun, float64, intervalBackend, samAscent, type Backend, type FamilyMember, type RandomStream, type Vec } from 'samcheck';
import { heavyBallSam } from '../../properties/conjectures/heavy-ball-sam.js';
import { adaptiveSam } from '../../properties/conjectures/adaptive-sam.js';
import unifiedSamStep from '../../properties/conjectures/unified-sam.js';
import { InputError } from '../errors.js';
import { width } from '../arith/interval.js';

describe('defineMethod', () => {
  test('a method with memory runs the recursion it states, in float64, decimal and intervals', () => {
    // Heavy-ball SAM on (β/2)x², β = 2, by hand: y = x + ρ sign(x), m' = m/2 + β y, x' = x − η m'.
    const spec = { algorithm: heavyBallSam.name, function: { family: 'quadratic' as const, eigenvalues: ['2'] }, x0: ['1'], eta: '0.1', rho: '0.05', steps: 6 };
    let x = 1;
    let m = 0;
    const expected = [x];
    for (let t = 0; t < 6; t++) {
      m = m / 2 + 2 * (x + 0.05 * Math.sign(x));
      x -= 0.1 * m;
      expected.push(x);
    }
    const inFloat = executeRun(float64, spec).trajectory.iterates.map((v) => v[0]!);
    inFloat.forEach((v, t) => expect(v).toBeCloseTo(expected[t]!, 14));
    const D = decimalBackend(50);
    const inDecimal = executeRun(D, spec).trajectory.iterates.map((v) => D.toNumber(v[0]!));
    inDecimal.forEach((v, t) => expect(v).toBeCloseTo(expected[t]!, 14));
    const I = intervalBackend(40);
    const enclosed = executeRun(I, spec).trajectory.iterates;
    enclosed.forEach((v, t) => {
      expect(I.toNumber(v[0]!)).toBeCloseTo(expected[t]!, 14);
      expect(width(v[0]!).toNumber()).toBeLessThan(1e-30);
    });
  });

  test("heavy-ball SAM's 2-cycle is where its conjecture's derivation puts it: r = ηβρ/(2(1 + b) − ηβ)", () => {
    // β = 1, η = 1/2, ρ = 1/10, b = 1/2: r = 0.05/(3 − 0.5) = 1/50, and m_0 = −s with s = 2r/η.
    const D = decimalBackend(60);
    const r = D.div(D.one, D.fromNumber(50));
    const s = D.div(D.mul(D.fromNumber(2), r), D.fromString('0.5'));
    const method = defineMethod({ id: 'hb-cycle-probe', ascent: samAscent, state: (B, x0) => [x0.map(() => B.zero)], descent: heavyBallSam.memory!.descend.bind(heavyBallSam.memory) });
    const start = { ...method, memory: { ...method.memory!, start: <T>(B: Backend<T>) => [[B.fromString(D.toString(D.neg(s)))]] } };
    const run = executeRun(D, { algorithm: method.name, function: { family: 'quadratic', eigenvalues: ['1'] }, x0: [D.toString(r)], eta: '0.5', rho: '0.1', steps: 40 }, start);
    run.trajectory.iterates.forEach((v, t) => expect(D.toString(D.abs(D.sub(v[0]!, t % 2 === 0 ? r : D.neg(r))))).toMatch(/^0$|e-(5[5-9]|[6-9]\d)$/));
  });

  test("ASAM's 2-cycle: r = ηβρε/(2 − ηβ(1 + ρ))", () => {
    // β = 1, η = 1, ρ = 1/2, ε = 1/100: r = 0.005/(2 − 1.5) = 1/100.
    const D = decimalBackend(60);
    const run = executeRun(D, { algorithm: adaptiveSam.name, function: { family: 'quadratic', eigenvalues: ['1'] }, x0: ['0.01'], eta: '1', rho: '0.5', steps: 30 });
    run.trajectory.iterates.forEach((v, t) => expect(Math.abs(D.toNumber(v[0]!) - (t % 2 === 0 ? 0.01 : -0.01))).toBeLessThan(1e-50));
  });

  test('the shipped unified SAM conjecture, tight on 1-D quadratics at η = 1/β, is certified on some cases', () => {
    // A fixed seed: the count is a property of these cases, not of a lucky draw.
    const report = checkCard(unifiedSamStep, { runs: 100, seed: 7, precision: 30 });
    expect(report.status).toBe('no counterexample');
    expect(report.levels.certified).toBeGreaterThan(0);
    expect(report.worstRatio).toBeGreaterThan(1 - 1e-6);
  });

  test("a stochastic method takes n-SAM's or m-SAM's sampling: the same ascent gives the same paths, number for number", () => {
    const spec = { function: { family: 'quadratic' as const, eigenvalues: ['2', '0.5'] }, oracle: { kind: 'rademacher' as const, sigma: '0.3' }, x0: ['1', '-1'], eta: '0.1', rho: '0.2', steps: 30, paths: 50, seed: 9 };
    const mean = (algorithm: string) => executeStochasticRun(float64, { ...spec, algorithm }, [30]).at.get(30)!.gap.mean;
    const independent = defineMethod({ id: 'my-n-sam', ascent: samAscent, sampling: 'independent' });
    const shared = defineMethod({ id: 'my-m-sam', ascent: samAscent, sampling: 'shared' });
    expect(mean(independent.name)).toBe(mean('n-sam'));
    expect(mean(shared.name)).toBe(mean('m-sam'));
    expect(mean(shared.name)).not.toBe(mean('n-sam'));
    // And a conjecture about it is a statistical card, checked like S-SC-n.
    const claim = defineConjecture({ id: 'MY-N-SAM', statement: 'S-SC-n for a copy of n-SAM', class: 'strongly-convex', families: ['quadratic'], algorithm: independent, measure: 'gap', claim: { bound: '(1 - eta*mu)^T*delta0 + beta*eta*sigmaSq/(2*mu) + beta^2*rho^2/(2*mu)' }, expected: 'true' });
    expect(claim.scope).toBe('stochastic');
    const report = checkCard(claim, { runs: 10, seed: 2, precision: 30 });
    expect(report.status).toBe('no counterexample');
    expect(report.levels.statistical).toBeGreaterThan(0);
  });

  test("a lemma about one's own method is a step claim written as code, judged by the same ladder as L1", () => {
    // L1 for heavy-ball SAM: the ascent is SAM's, so ‖∇f(y) − ∇f(x)‖ <= βρ holds at every step.
    const lemma = defineConjecture({
      id: 'HB-L1',
      statement: "L1 for heavy-ball SAM's ascent",
      class: 'smooth',
      algorithm: heavyBallSam,
      notation: '‖∇f(y) − ∇f(x)‖ <= βρ',
      claim: { step: (B, s) => ({ observed: norm(B, s.delta), bound: B.mul(s.beta, s.rho) }) },
      expected: 'true',
    });
    expect(lemma.scope).toBe('step');
    const report = checkCard(lemma, { runs: 40, seed: 3, precision: 30 });
    expect(report.status).toBe('no counterexample');
    expect(report.levels.certified + report.levels.verified).toBeGreaterThan(0); // quadratics along a top eigenvector are equality cases
    expect(() => defineConjecture({ id: 'NO-NOTATION', statement: 's', class: 'smooth', algorithm: 'sam', claim: { step: (_B, s) => ({ observed: s.gap, bound: s.gap }) } })).toThrow(/notation .* must say the claim in symbols/);
    expect(() => defineConjecture({ id: 'STOCHASTIC-CODE', statement: 's', class: 'smooth', algorithm: 'n-sam', notation: 'x', claim: { run: () => [] } })).toThrow(/a claim written as code is about a deterministic method/);
  });

  test('bad definitions name the field, the value and the rule', () => {
    expect(() => defineMethod({ id: 'sam', ascent: samAscent })).toThrow(/method id = "sam": is the name of a built-in method/);
    expect(() => defineMethod({ id: '2x', ascent: samAscent })).toThrow(/method id = "2x": must be letters/);
    expect(() => defineMethod({ id: 'no-ascent' } as never)).toThrow(/method no-ascent: ascent .* must be a function/);
    expect(() => defineMethod({ id: 'lonely-state', ascent: samAscent, state: (B, x0) => [x0.map(() => B.zero)] })).toThrow(/needs a descent that uses it/);
    const first = defineMethod({ id: 'twice-defined', ascent: samAscent });
    expect(defineMethod({ id: 'twice-defined', ascent: samAscent }).name).toBe(first.name); // the same file loaded again
    expect(() => defineMethod({ id: 'twice-defined', ascent: (_B, x) => x })).toThrow(/already the name of another method/);
  });

  test('an ascent that returns a vector of the wrong length is an error naming the method', () => {
    const broken = defineMethod({ id: 'short-ascent', ascent: <T>(_B: Backend<T>, x: Vec<T>) => x.slice(1) });
    expect(() => executeRun(float64, { algorithm: broken.name, function: { family: 'quadratic', eigenvalues: ['1', '2'] }, x0: ['1', '1'], eta: '0.1', rho: '0.1', steps: 2 })).toThrow(
      /method short-ascent: ascent .* must be a vector of 2 entries/,
    );
  });
});

/**
 * f(x) = Σ a (sqrt(1 + (x_i − c_i)²) − 1) + (λ/2)‖x − c‖²: pseudo-Huber plus a ridge. f'' per
 * coordinate is a(1 + z²)^(−3/2) + λ ∈ (λ, a + λ], so β = a + λ, μ = λ, x* = c, f* = 0.
 */
function pseudoHuber(name: string, betaFactor = 1, options: { gradientFactor?: number; fStar?: string; float?: boolean } = {}) {
  return defineFamily({
    name,
    class: 'strongly-convex',
    arbitrary: fc.record({ dim: fc.integer({ min: 1, max: 3 }), a: fc.constantFrom('1', '2', '5'), l2: fc.constantFrom('0.1', '1'), shift: fc.constantFrom('0', '0.5', '-2') }),
    build<T>(B: Backend<T>, p: { dim: number; a: string; l2: string; shift: string }): FamilyMember<T> {
      const a = B.fromString(p.a);
      const l2 = B.fromString(p.l2);
      const c = B.fromString(p.shift);
      const half = B.div(B.one, B.fromNumber(2));
      const root = (z: T) => (options.float ? B.fromNumber(Math.sqrt(1 + B.toNumber(z) ** 2)) : B.sqrt(B.add(B.one, B.mul(z, z))));
      return {
        dim: p.dim,
        value: (x) => x.reduce((s, xi) => {
          const z = B.sub(xi, c);
          return B.add(s, B.add(B.mul(a, B.sub(root(z), B.one)), B.mul(B.mul(half, l2), B.mul(z, z))));
        }, B.zero),
        gradient: (x) => x.map((xi) => {
          const z = B.sub(xi, c);
          return B.mul(B.fromNumber(options.gradientFactor ?? 1), B.add(B.div(B.mul(a, z), root(z)), B.mul(l2, z)));
        }),
        certificate: {
          beta: B.mul(B.fromNumber(betaFactor), B.add(a, l2)),
          mu: l2,
          fStar: B.fromString(options.fStar ?? '0'),
          xStar: Array.from({ length: p.dim }, () => c),
        },
      };
    },
  });
}

describe('defineFamily', () => {
  test('a family with a true certificate is accepted and its members serve a conjecture', () => {
    const family = pseudoHuber('pseudo-huber-ridge');
    const conjecture = defineConjecture({
      id: 'PH-GD',
      statement: 'GD with η <= 1/β contracts the gap by (1 − ημ) per step on pseudo-Huber ridges',
      class: 'strongly-convex',
      families: [family],
      algorithm: 'gd',
      measure: 'gap',
      claim: { bound: '(1 - eta*mu)^T * delta0' },
      expected: 'true',
    });
    const report = checkCard(conjecture, { runs: 30, seed: 3, precision: 30 });
    expect(report.status).toBe('no counterexample');
    expect(report.coverage.families).toEqual({ 'pseudo-huber-ridge': 30 });
  });

  test.each([
    ['β too small by 10%', pseudoHuber.bind(null, 'ph-small-beta', 0.9), /family ph-small-beta is refused: its cross-check "curvature" fails .*eigenvalue/],
    ['a wrong gradient', () => pseudoHuber('ph-bad-gradient', 1, { gradientFactor: 1.01 }), /family ph-bad-gradient is refused: its cross-check "gradient" fails/],
    ['f* too high', () => pseudoHuber('ph-high-fstar', 1, { fStar: '0.001' }), /family ph-high-fstar is refused: its cross-check "f\*" fails/],
    ['float64 inside the build', () => pseudoHuber('ph-float', 1, { float: true }), /family ph-float is refused: its cross-check "generic" fails .*Math/],
  ])('a family with %s is refused before any verdict, naming the family and the check', (_what, define, message) => {
    let error: unknown;
    try {
      define();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    // Never registered: a conjecture cannot name it.
    const name = String((error as InputError).field).replace('family ', '');
    expect(() => defineConjecture({ id: 'USES-REFUSED', statement: 'x', class: 'strongly-convex', families: [name], algorithm: 'gd', measure: 'gap', claim: { bound: 'delta0' } })).toThrow(/families .* must be among/);
  });

  test('a large-valued family, an arbitrary with BigInts inside, and a μ five times too large at κ = 10^7 are judged right', () => {
    // f = c + (β/2)‖x‖² + (μ/2)... : a diagonal quadratic with an offset c and a spectrum [μ, β].
    const shifted = (name: string, offset: string, declaredMu: string) =>
      defineFamily({
        name,
        class: 'strongly-convex',
        arbitrary: fc.record({ scale: fc.double({ min: 1, max: 2, noNaN: true }).map((v) => v.toFixed(2)) }),
        build: <T>(B: Backend<T>, p: { scale: string }) => {
          const s = B.fromString(p.scale);
          const curv = [B.fromString('1e-7'), B.one].map((c) => B.mul(c, s));
          return {
            dim: 2,
            value: (x: Vec<T>) => B.add(B.fromString(offset), x.reduce((a, xi, i) => B.add(a, B.mul(B.div(curv[i]!, B.fromNumber(2)), B.mul(xi, xi))), B.zero)),
            gradient: (x: Vec<T>) => x.map((xi, i) => B.mul(curv[i]!, xi)),
            certificate: { beta: s, mu: B.mul(B.fromString(declaredMu), s), fStar: B.fromString(offset), xStar: [B.zero, B.zero] },
          };
        },
      });
    expect(shifted('offset-huge', '1e22', '1e-7').name).toBe('offset-huge'); // exact, only large
    expect(() => shifted('mu-too-large', '0', '5e-7')).toThrow(/family mu-too-large is refused: its cross-check "curvature" fails/);
  });

  test('shape errors in a definition name the field', () => {
    const arbitrary = fc.record({ dim: fc.constant(1) });
    expect(() => defineFamily({ name: 'quadratic', class: 'convex', arbitrary, build: () => ({}) as never })).toThrow(/family name = "quadratic": is the name of a built-in family/);
    expect(() => defineFamily({ name: 'ph-class', class: 'round' as never, arbitrary, build: () => ({}) as never })).toThrow(/family ph-class: class = "round"/);
    expect(() => defineFamily({ name: 'ph-arb', class: 'smooth', arbitrary: [] as never, build: () => ({}) as never })).toThrow(/family ph-arb: arbitrary .* must be a fast-check arbitrary/);
    expect(() =>
      defineFamily({
        name: 'ph-no-mu',
        class: 'strongly-convex',
        arbitrary,
        build: <T>(B: Backend<T>) => ({ dim: 1, value: (x: Vec<T>) => x[0]!, gradient: () => [B.one], certificate: { beta: B.one, fStar: B.zero } }),
      }),
    ).toThrow(/certificate.mu .* must be > 0 for a strongly-convex family/);
  });
});

/** Laplace(0, b) noise on every coordinate: E ξ_i = 0, E ξ_i² = 2b², so E‖ξ‖² = 2b²d (or a wrong certificate). */
function laplace(kind: string, varianceFactor = 2) {
  return defineOracle({
    kind,
    arbitrary: () => fc.record({ b: fc.constantFrom('0.1', '0.5', '1') }),
    build<T>(B: Backend<T>, f: { dim: number }, p: { b: string }) {
      const b = B.fromString(p.b);
      return {
        sigmaSq: B.mul(B.fromNumber(varianceFactor * f.dim), B.mul(b, b)),
        draw: (stream: RandomStream) =>
          Array.from({ length: f.dim }, () => {
            const u = stream.uniform() - 0.5;
            return B.mul(b, B.fromNumber(-Math.sign(u) * Math.log(1 - 2 * Math.abs(u))));
          }),
      };
    },
  });
}

describe('defineOracle', () => {
  test('a noise model with a true certificate serves a stochastic claim, which is checked on it alone', () => {
    const model = laplace('laplace');
    const claim = defineConjecture({
      id: 'S-SC-N-LAPLACE',
      statement: 'S-SC-n under Laplace noise',
      class: 'strongly-convex',
      families: ['quadratic'],
      algorithm: 'n-sam',
      noise: [model],
      measure: 'gap',
      claim: { bound: '(1 - eta*mu)^T*delta0 + beta*eta*sigmaSq/(2*mu) + beta^2*rho^2/(2*mu)' },
      expected: 'true',
    });
    const report = checkCard(claim, { runs: 12, seed: 4, precision: 30 });
    expect(report.status).toBe('no counterexample');
    expect(report.coverage.noise).toEqual({ laplace: 12 });
  });

  test('a variance certificate off by a factor 2 is refused before any verdict, naming the model and the check', () => {
    expect(() => laplace('laplace-wrong', 1)).toThrow(/noise model laplace-wrong is refused: its cross-check "variance" fails .*certificate says E‖ξ‖² = /);
    expect(() => defineConjecture({ id: 'USES-WRONG-NOISE', statement: 'x', class: 'strongly-convex', algorithm: 'n-sam', noise: ['laplace-wrong'], measure: 'gap', claim: { bound: 'delta0' } })).toThrow(/noise .* must be one of/);
  });
});

// Keep axpy imported from the package used: the public vector helpers are what methods are written with.
test('the public vector helpers are the backend-generic ones', () => {
  expect(axpy(float64, 2, [1, 2], [3, 4])).toEqual([5, 8]);
});
