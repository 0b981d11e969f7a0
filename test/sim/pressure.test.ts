/**
 * Monotonicity of sponsor pressure, as a property over random scenarios: more pressure toward attending
 * never lowers the attendance of the party pressed. Runs use common random numbers (same seed, same run
 * indexes), so the comparison is run by run, not only on average.
 */
import fc from 'fast-check';
import { test } from 'uvu';
import { newRunRecord } from '../../src/sim/run-record.js';
import { RunEngine } from '../../src/sim/run.js';
import { scenarioFrom } from './fixtures.js';

interface World {
  posA: number; posB: number; capA: number; capB: number; outA: number; outB: number;
  lambda: number; audience: number; redLine: number; incline: number;
}

function scenario(w: World, pressure: number) {
  return scenarioFrom(`
id: pressure
title: Pressure
rounds: 3
model: { lambda: ${w.lambda}, audience_cost: ${w.audience} }
issues:
  x: { low: "0", high: "100" }
actors:
  a:
    name: A
    role: party
    armed: true
    capability: ${w.capA}
    position: { x: ${w.posA} }
    preferences:
      - outside_option: ${w.outA}
      - red_line: "x <= ${w.redLine}"
        firmness: 0.5
  b:
    name: B
    role: party
    armed: true
    capability: ${w.capB}
    position: { x: ${w.posB} }
    preferences:
      - outside_option: ${w.outB}
      - inclination: attend
        strength: ${w.incline}
  s:
    name: S
    role: sponsor
    capability: 0.5
    pressure: { on: a, toward: attend, strength: ${pressure} }
measures:
  truce: { kind: ceasefire, offered_by: a, between: [a, b] }
`);
}

function attendance(w: World, pressure: number, runs: number): Uint8Array {
  const s = scenario(w, pressure);
  const engine = new RunEngine(s);
  const rec = newRunRecord(s);
  const out = new Uint8Array(runs * 2);
  for (let r = 0; r < runs; r++) {
    engine.run(3, r, rec);
    out[2 * r] = rec.attended[0];
    out[2 * r + 1] = rec.attended[1];
  }
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const world = fc.record({
  posA: fc.integer({ min: 0, max: 100 }), posB: fc.integer({ min: 0, max: 100 }),
  capA: fc.double({ min: 0.05, max: 1, noNaN: true }).map(round2), capB: fc.double({ min: 0.05, max: 1, noNaN: true }).map(round2),
  outA: fc.double({ min: 0, max: 1, noNaN: true }).map(round2), outB: fc.double({ min: 0, max: 1, noNaN: true }).map(round2),
  lambda: fc.double({ min: 0, max: 60, noNaN: true }).map(round2), audience: fc.double({ min: 0, max: 0.5, noNaN: true }).map(round2),
  redLine: fc.integer({ min: 0, max: 100 }), incline: fc.double({ min: -0.3, max: 0.3, noNaN: true }).map(round2),
});

test('more sponsor pressure toward attending never lowers the pressed party\'s attendance (run by run)', () => {
  fc.assert(
    fc.property(world, fc.double({ min: 0, max: 1, noNaN: true }).map(round2), fc.double({ min: 0, max: 1, noNaN: true }).map(round2), (w, p1, p2) => {
      const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
      const runs = 150;
      const a = attendance(w, lo, runs);
      const b = attendance(w, hi, runs);
      for (let r = 0; r < runs; r++) {
        if (b[2 * r] < a[2 * r]) throw new Error(`run ${r}: A attended with pressure ${lo} but not with ${hi}`);
      }
    }),
    { numRuns: 25, seed: 20140122 },
  );
});

test('pressure on one party makes the other attend no less either (strategic complements)', () => {
  fc.assert(
    fc.property(world, (w) => {
      const a = attendance(w, 0, 200);
      const b = attendance(w, 0.8, 200);
      let before = 0, after = 0;
      for (let r = 0; r < 200; r++) { before += a[2 * r + 1]; after += b[2 * r + 1]; }
      if (after < before) throw new Error(`B attended ${after} times with pressure on A, ${before} without`);
    }),
    { numRuns: 20, seed: 7 },
  );
});

test.run();
