/**
 * The sides of a measure as one stage game's players (src/sim/sides-game.ts): their beliefs and stakes
 * loaded from the run's state, and a public choice drawn and learnt from, with numbers worked by hand.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RunState } from '../../src/sim/run-state.js';
import { SidesGame } from '../../src/sim/sides-game.js';
import { PINNED_MODEL, scenarioFrom } from './fixtures.js';

const s = scenarioFrom(`
id: sg
title: Three sides
rounds: 3
model: { ${PINNED_MODEL} }
issues:
  x: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, capability: 0.5, position: { x: 40 }, salience: { x: 0.5 } }
  b: { name: B, role: party, capability: 0.5, position: { x: 60 }, salience: { x: 0.5 } }
  c: { name: C, role: party, capability: 0.5, position: { x: 50 }, salience: { x: 0.5 } }
measures:
  swap: { kind: exchange, offered_by: a, between: [a, b, c], issue: x, at: 1 }
`);
const swap = s.measures[0];

/** A run state with every belief 0.5 but a's in b (0.8) and c's in a (0.2); salience of x 0.5, 0.25 and none. */
function state(draws: number[] = []): RunState {
  const st = new RunState(s);
  st.belief.fill(0.5);
  st.belief[0 * st.nA + 1] = 0.8;
  st.belief[2 * st.nA + 0] = 0.2;
  st.sal.set([0.5, 0.25, 0]);
  let k = 0;
  st.rng = () => draws[k++];
  return st;
}

test('load: each side\'s beliefs about the others, and its stakes scaled by 2 x its salience of the issue (1 with none)', () => {
  const game = new SidesGame(state(), 3);
  assert.is(game.load(swap, 0.3, 0.2, 0.1), 3);
  assert.equal(Array.from(game.beliefs.subarray(0, 9)), [1, 0.8, 0.5, 0.5, 1, 0.5, 0.2, 0.5, 1]);
  const stakes = Array.from(game.stakes.subarray(0, 9), (x) => Math.round(x * 1e12) / 1e12);
  assert.equal(stakes, [0.3, 0.2, 0.1, 0.15, 0.1, 0.05, 0.3, 0.2, 0.1]);
});

test('drawPublic: a side reneges when its draw is not below its type\'s probability, and every other side learns from it', () => {
  const st = state([0.5, 0.95, 0.5]);
  const game = new SidesGame(st, 3);
  const sigma = new Float64Array([0.9, 0.3, 0.9, 0.3, 0.9, 0.3]); // honour: sincere 0.9, buying time 0.3
  assert.is(game.drawPublic(swap, 1, 'exchange', ['honour', 'renege'], sigma), false);
  assert.equal(Array.from(game.act.subarray(0, 3)), [0, 1, 0]);
  assert.is(st.decisions, 3);
  // a saw b renege: 0.8 x 0.1 / (0.8 x 0.1 + 0.2 x 0.7) = 0.3636...; a saw c honour: 0.45 / (0.45 + 0.15) = 0.75
  assert.ok(Math.abs(st.belief[0 * st.nA + 1] - 0.08 / 0.22) < 1e-12);
  assert.ok(Math.abs(st.belief[0 * st.nA + 2] - 0.75) < 1e-12);
  // c saw a honour: 0.2 x 0.9 / (0.2 x 0.9 + 0.8 x 0.3) = 0.4286...
  assert.ok(Math.abs(st.belief[2 * st.nA + 0] - 0.18 / 0.42) < 1e-12);
});

test('drawPublic: a guarantor reverses a defection with probability g, one more draw just after it', () => {
  const st = state([0.5, 0.95, 0.2, 0.5]);
  const game = new SidesGame(st, 3);
  const sigma = new Float64Array([0.9, 0.3, 0.9, 0.3, 0.9, 0.3]);
  assert.is(game.drawPublic(swap, 1, 'exchange', ['honour', 'renege'], sigma, 0.5), true, 'reversed: 0.2 < 0.5');
  assert.equal(Array.from(game.act.subarray(0, 3)), [0, 1, 0], 'the defection is still seen');
  const again = state([0.5, 0.95, 0.7, 0.5]);
  assert.is(new SidesGame(again, 3).drawPublic(swap, 1, 'exchange', ['honour', 'renege'], sigma, 0.5), false, 'not reversed: 0.7 >= 0.5');
});

test.run();
