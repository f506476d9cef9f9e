/**
 * A construction's replay is certified only when interval arithmetic puts each quantity inside its
 * tolerance band (files.ts): a closed form moved so that an edge of its band cuts the enclosure of
 * the run in two (the true value may lie on either side, by far less than the enclosure is wide)
 * must be replayed as verified at best, never certified. A certifier that compared an enclosure's
 * far end with the band, or the band's outer side with the enclosure, certifies it, and fails here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { methodOf } from '../algorithms/methods.js';
import { executeRun, type RunSpec } from '../algorithms/run-spec.js';
import { intervalBackend } from '../arith/interval.js';
import type { ConstructionFile, ExpectedValue } from '../check/counterexamples.js';
import { observeQuantity } from './construction.js';
import { replayConstruction } from './files.js';

// LB-D-NC-b: 400 steps on a cosine, replayed at 60 digits and enclosed at 120 (cos in intervals
// widens the enclosure with every step).
const file = JSON.parse(readFileSync(fileURLToPath(new URL('../../counterexamples/LB-D-NC-b-009ce861a847.json', import.meta.url)), 'utf8')) as ConstructionFile;
const I = intervalBackend(120);
const trajectory = executeRun(I, file.run as RunSpec, methodOf('algorithm', file.run.algorithm, 'deterministic')).trajectory;

/** The file with expectation `index` moved so that its band's `edge` lies at the middle of the run's enclosure. */
function edgeThroughTheEnclosure(index: number, edge: 'lower' | 'upper'): ConstructionFile {
  const expected = file.expected.map((e, i): ExpectedValue => {
    if (i !== index) return e;
    const enclosure = observeQuantity(I, trajectory, e);
    const middle = enclosure.lo.plus(enclosure.hi).div(2);
    // The band is [v − t|v|, v + t|v|], t = 10^-d; v has the sign of `middle`, and puts the chosen
    // edge there: v(1 − t) = middle for the lower edge of a positive v or the upper of a negative one.
    const t = I.fromString(`1e-${e.digits}`).lo;
    const shrinks = (edge === 'lower') === middle.isPositive();
    return { ...e, value: middle.div(shrinks ? t.neg().plus(1) : t.plus(1)).toString() };
  });
  return { ...file, expected };
}

describe('a construction whose band edge cuts the enclosure of its run', () => {
  test('the enclosures are not points, and the file as it is replays certified (the test is about the band)', () => {
    for (const e of file.expected) {
      const enclosure = observeQuantity(I, trajectory, e);
      expect(enclosure.hi.gt(enclosure.lo)).toBe(true);
    }
    expect(replayConstruction(file)).toMatchObject({ reproduced: true, level: 'certified' });
  });

  test.each(file.expected.flatMap((e, i) => (['lower', 'upper'] as const).map((edge) => [`${e.quantity} at ${e.at}, the band's ${edge} edge`, i, edge] as const)))(
    '%s through the middle of the enclosure: never certified',
    (_, index, edge) => {
      const replay = replayConstruction(edgeThroughTheEnclosure(index, edge));
      expect(replay.level).not.toBe('certified');
    },
  );
});
