/**
 * A run's inputs: the numbers sampled for one run and the arrays derived from them before round 0.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RunInputs } from '../../src/sim/run-inputs.js';
import type { TraceEvent } from '../../src/sim/trace-event.js';
import { inputsScenario, stateFor } from './fixtures.js';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);

test('sample: positions as given, weights the salience normalised over the actor\'s issues, capability times salience for the mediator', () => {
  const s = inputsScenario();
  const inp = new RunInputs(s, stateFor(s));
  inp.sample(null);
  assert.equal(Array.from(inp.pos0.subarray(0, 2)), [20, 80]);
  assert.equal(Array.from(inp.pos), Array.from(inp.pos0), 'the run starts at the opening positions');
  close(inp.weight[0], 0.75);
  close(inp.weight[1], 0.25);
  assert.equal(Array.from(inp.fwWeight.subarray(0, 2)), [1, 0], 'at the framework stage only x weighs');
  close(inp.csWeight[0], 0.3);
  close(inp.csWeight[1], 0.1);
  const bx = inp.pos0[2];
  assert.ok(bx >= 60 && bx <= 90, `B's x ${bx} is drawn from [60, 90]`);
  assert.ok(Number.isNaN(inp.pos0[3]), 'B holds no position on y');
  assert.equal(Array.from(inp.weight.subarray(2, 4)), [1, 0]);
});

test('sample: a hard red line binds and closes the actor\'s own box; a soft one (firmness 0) never binds and costs its penalty', () => {
  const s = inputsScenario();
  for (let run = 0; run < 20; run++) {
    const each = new RunInputs(s, stateFor(s, run));
    each.sample(null);
    assert.equal(Array.from(each.binding[0]), [1, 0]);
    assert.is(each.penalty[0][1], 0.2);
  }
  const inp = new RunInputs(s, stateFor(s));
  inp.sample(null);
  assert.equal([inp.ownLo[0], inp.ownHi[0]], [0, 40], 'x <= 40 binds: A never moves above 40');
  assert.equal([inp.ownLo[1], inp.ownHi[1]], [0, 100], 'y >= 90 is soft: no box');
  assert.equal(inp.frameworkCondition[0], [true, false], 'only the red line on x counts at the framework stage');
});

test('sample: the hook overwrites a sampled value before anything is derived from it', () => {
  const s = inputsScenario();
  const inp = new RunInputs(s, stateFor(s));
  inp.sample((v) => {
    v[s.actors[1].position[0]] = 65;
  });
  assert.is(inp.pos0[2], 65);
  assert.is(inp.pos[2], 65);
});

test('sample: the same run draws the same inputs, and a traced run tells them in order', () => {
  const s = inputsScenario();
  const st1 = stateFor(s, 3), st2 = stateFor(s, 3);
  const a = new RunInputs(s, st1), b = new RunInputs(s, st2);
  const trace: TraceEvent[] = [];
  st2.trace = trace;
  a.sample(null);
  b.sample(null);
  assert.equal(Array.from(st1.values), Array.from(st2.values));
  assert.is(a.pos0[2], b.pos0[2]);
  assert.equal(trace.map((e) => e.kind), ['sampled', 'types', 'condition', 'condition']);
});

test.run();
