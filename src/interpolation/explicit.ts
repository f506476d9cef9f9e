/**
 * An explicit function for one-dimensional data: a piecewise quadratic with curvature +β, −β,
 * ..., +β (the family of src/functions/piecewise-quadratic.ts), through every data point with its
 * gradient and value. Its infimum is the family's closed form, which is what the nonconvex class
 * needs (conditions.ts cannot fix it), and SAM runs on it by the ordinary run path.
 *
 * Between consecutive points a < b (h = b − a) the derivative goes from g_a to g_b along slopes
 * +β, −β, +β of lengths p, q, r (p + q + r = h): the end slope fixes q = (h − (g_b − g_a)/β)/2
 * and p + r = h − q = S, and the integral of the derivative, linear in p,
 *   ∫_a^b φ' = g_a·h + β(2pq − q²/2 − qS + S²/2),
 * fixes p. Such a piece exists exactly when 0 <= q, 0 <= S and 0 <= p <= S, which for two points
 * is the β-smooth interpolation condition (conditions.ts); outside the data the curvature is +β,
 * so the function is coercive. Pieces glue with matching value and slope, so φ' is β-Lipschitz.
 *
 * The breakpoints are computed in decimal at 100 digits and written with 40: the function is what
 * its spec says (an exact member of the class), whatever rounding did to the data it was built from.
 */
import { Decimal } from 'decimal.js';
import { InputError } from '../errors.js';
import type { PiecewiseQuadraticSpec } from '../functions/types.js';

const D = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_EVEN });
const WRITTEN_DIGITS = 40;

interface Knot {
  readonly x: Decimal;
  readonly g: Decimal;
  readonly f: Decimal;
}

/**
 * The piecewise quadratic through one-dimensional data points (x, g, f), x from the run on the
 * data (the points must be given: the data hold only x_0 and the answers). Throws an InputError
 * naming the two points between which no piece with curvature in [−β, β] exists.
 */
export function explicitInterpolant(beta: string, points: readonly { readonly x: string; readonly g: string; readonly f: string }[]): PiecewiseQuadraticSpec {
  const b = new D(beta);
  const knots = mergeEqual(points.map((p) => ({ x: new D(p.x), g: new D(p.g), f: new D(p.f) })).sort((u, v) => u.x.cmp(v.x)));
  // Curvature switches: (position, +1 for −β → +β, −1 for +β → −β); the line starts at +β.
  const switches: { at: Decimal; up: boolean }[] = [];
  for (let k = 0; k + 1 < knots.length; k++) {
    const [u, v] = [knots[k]!, knots[k + 1]!];
    const h = v.x.minus(u.x);
    const q = h.minus(v.g.minus(u.g).div(b)).div(2);
    const S = h.minus(q);
    const fail = (why: string) => {
      throw new InputError('data', `x = ${short(u.x)} and x = ${short(v.x)}`, `admit no piece with curvature ±β between them (${why})`);
    };
    if (q.lt(0) || S.lt(0)) fail(`their gradients differ by more than β·|x_b − x_a|`);
    if (q.isZero()) {
      // Curvature +β throughout: the value must be the one it gives.
      const integral = u.g.times(h).plus(b.times(h).times(h).div(2));
      if (!integral.minus(v.f.minus(u.f)).abs().lte(tolerance(u, v))) fail('the values do not match the only piece their gradients allow');
      continue;
    }
    const d = v.f.minus(u.f).minus(u.g.times(h)).div(b);
    let p = d.plus(q.times(q).div(2)).plus(q.times(S)).minus(S.times(S).div(2)).div(q.times(2));
    if (p.lt(0) || p.gt(S)) {
      // Rounding in the data: within a hair of the ends, clamp; farther, no piece exists.
      if (p.lt(0) && p.abs().lte(tolerance(u, v).div(b.times(q)))) p = new D(0);
      else if (p.gt(S) && p.minus(S).lte(tolerance(u, v).div(b.times(q)))) p = S;
      else fail('their values differ by more than a piece with curvature in [−β, β] can rise or fall');
    }
    switches.push({ at: u.x.plus(p), up: false }, { at: u.x.plus(p).plus(q), up: true });
  }
  // A −β → +β switch and a +β → −β switch at one point cancel (an arc of length 0).
  const breakpoints: Decimal[] = [];
  for (const s of switches) {
    const last = breakpoints[breakpoints.length - 1];
    if (last !== undefined && last.eq(s.at)) breakpoints.pop();
    else breakpoints.push(s.at);
  }
  const first = knots[0]!;
  // The slope at the first breakpoint: from the first knot along +β (the curvature up to it).
  const slopeAt = breakpoints.length === 0 ? first.g.minus(b.times(first.x)) : first.g.plus(b.times(breakpoints[0]!.minus(first.x)));
  return {
    family: 'piecewise-quadratic',
    beta,
    coordinates: [{ breakpoints: breakpoints.map(written), slope: written(slopeAt) }],
  };
}

/** Points at one position must be one point (a 2-cycle's visits): equal gradients and values, or no function has them. */
function mergeEqual(sorted: Knot[]): Knot[] {
  const out: Knot[] = [];
  for (const k of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.x.eq(k.x)) {
      if (!last.g.eq(k.g) || !last.f.eq(k.f)) throw new InputError('data', `x = ${short(k.x)}`, 'is a point twice with different gradients or values');
      continue;
    }
    out.push(k);
  }
  return out;
}

/** What rounding the data to 17 digits may move a piece's integral by. */
function tolerance(u: Knot, v: Knot): Decimal {
  const size = D.max(u.f.abs(), v.f.abs(), u.g.abs().times(v.x.minus(u.x).abs()), new D(1e-300));
  return size.times(1e-14);
}

function written(d: Decimal): string {
  return d.toSignificantDigits(WRITTEN_DIGITS).toString();
}

function short(d: Decimal): string {
  return d.toSignificantDigits(8).toString();
}
