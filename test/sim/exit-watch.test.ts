/**
 * Exit preferences watched each round: the walk-out commitment the proposal brings (stayCost) and the
 * threat voiced against a demand on the table (threatTarget), alone and through the engine.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileCondition } from '../../src/model/preferences/red-line.js';
import { ExitWatch, type ExitInputs, type ExitRound } from '../../src/sim/exit-watch.js';
import { newRunRecord, TRIGGER_EXIT } from '../../src/sim/run-record.js';
import { RunEngine } from '../../src/sim/run.js';
import type { Scenario } from '../../src/scenario/types.js';
import type { TraceEvent } from '../../src/sim/trace-event.js';
import { scenarioFrom, share, twoParties } from './fixtures.js';

/** Three parties on two issues; B holds a position on x only; C's exit is `exit`. */
function three(exit: string): Scenario {
  return scenarioFrom(`
id: w
title: Exit watch
rounds: 4
issues:
  x: { low: "none", high: "all" }
  y: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, capability: 0.5, position: { x: 20, y: 80 }, salience: { x: 0.5, y: 0.5 } }
  b: { name: B, role: party, capability: 0.5, position: { x: 90 }, salience: { x: 1 } }
  c:
    name: C
    role: party
    capability: 0.5
    position: { x: 50, y: 50 }
    salience: { x: 0.5, y: 0.5 }
    preferences:
      - red_line: "y <= 60"
      - exit: "${exit}"
        cost: 0.25
`);
}

/** A watch over `s` with its positions and weights as given (its conditions all binding). */
function watch(s: Scenario, bind = true): { w: ExitWatch; at: ExitInputs } {
  const nI = s.issues.length;
  const ids = s.issues.map((i) => i.id);
  const conditions = s.actors.map((a) => a.conditions.map((c) => compileCondition(c, ids)));
  const at: ExitInputs = {
    pos0: new Float64Array(s.actors.length * nI),
    pos: new Float64Array(s.actors.length * nI),
    weight: new Float64Array(s.actors.length * nI),
    conditions,
    binding: conditions.map((c) => new Uint8Array(c.length).fill(1)),
    frameworkCondition: conditions.map((c) => c.map(() => true)),
  };
  const values = new Float64Array(s.params.length);
  for (let i = 0; i < s.params.length; i++) {
    const d = s.params[i].dist;
    values[i] = d.kind === 'fixed' ? d.value : NaN;
  }
  s.actors.forEach((actor, a) => {
    for (let k = 0; k < nI; k++) {
      at.pos0[a * nI + k] = at.pos[a * nI + k] = actor.position[k] >= 0 ? values[actor.position[k]] : NaN;
      at.weight[a * nI + k] = actor.position[k] >= 0 ? 1 / actor.position.filter((p) => p >= 0).length : 0;
    }
  });
  const w = new ExitWatch(s, at);
  if (bind) s.actors.forEach((_, a) => w.bind(a, values));
  return { w, at };
}

const NOW: ExitRound = { round: 2, rounds: 4, violations: 0, trust: 1, framework: false };
const A = 0;
const B = 1;
const C = 2;

test('stayCost: the exit cost while the proposal meets the condition, and nothing otherwise', () => {
  const { w } = watch(three('x > 70'));
  assert.ok(w.has(C));
  assert.not.ok(w.has(A));
  assert.is(w.stayCost(C, Float64Array.of(80, 50), false, NOW, null), 0.25);
  assert.ok(w.hit);
  assert.is(w.stayCost(C, Float64Array.of(60, 50), false, NOW, null), 0);
  assert.not.ok(w.hit);
});

test('stayCost: deviation and breach are those of the proposal tested', () => {
  const dev = watch(three('deviation > 20')).w;
  assert.is(dev.stayCost(C, Float64Array.of(50, 50), false, NOW, null), 0, 'at its own position: deviation 0');
  assert.is(dev.stayCost(C, Float64Array.of(100, 100), false, NOW, null), 0.25, 'deviation 50');
  const br = watch(three('breach == 1')).w;
  assert.is(br.stayCost(C, Float64Array.of(50, 90), false, NOW, null), 0, 'breach is what the caller says of the proposal');
  assert.is(br.stayCost(C, Float64Array.of(50, 50), true, NOW, null), 0.25);
});

test('threatTarget: the first other party whose demand meets the condition; its unheld issues read the proposal', () => {
  const { w } = watch(three('x > 70'));
  const table = Int32Array.of(A, B, C);
  const proposal = Float64Array.of(50, 50);
  assert.is(w.threatTarget(C, table, 3, proposal, NOW, null), B, "B's demand x 90 meets x > 70; A's x 20 does not");
  assert.is(w.threatTarget(C, table, 1, proposal, NOW, null), -1, 'only A counted');
  // B holds no position on y: its demand there is the proposal's
  const onY = watch(three('y > 70')).w;
  assert.is(onY.threatTarget(C, table, 3, proposal, NOW, null), A);
  assert.is(onY.threatTarget(C, Int32Array.of(B, C), 2, Float64Array.of(50, 75), NOW, null), B);
  assert.is(onY.threatTarget(C, Int32Array.of(B, C), 2, Float64Array.of(50, 65), NOW, null), -1);
});

test("threatTarget: breach and deviation are the demand's, and the trace names both sides and the demand", () => {
  const br = watch(three('breach == 1')).w;
  const trace: TraceEvent[] = [];
  assert.is(br.threatTarget(C, Int32Array.of(A, B), 2, Float64Array.of(50, 50), NOW, trace), A, "A's y 80 breaks C's red line y <= 60");
  assert.equal(trace, [{ kind: 'threat', round: 2, actor: C, against: A, text: 'breach == 1', source: undefined, demand: [20, 80] }]);
  const dev = watch(three('deviation > 45')).w;
  assert.is(dev.threatTarget(C, Int32Array.of(A, B), 2, Float64Array.of(50, 50), NOW, null), -1, 'A: deviation 30; B: (40 + 0) / 2 = 20');
  const dev2 = watch(three('deviation > 25')).w;
  assert.is(dev2.threatTarget(C, Int32Array.of(A, B), 2, Float64Array.of(50, 50), NOW, null), A);
});

// Through the engine: B's red line keeps every proposal at x >= 50, so its exit "x < 40" is never met by
// the proposal; A's demand (x 10-30) always meets it.
const guarded = (exit?: string) => twoParties({ redLineB: 'x >= 50', exitB: exit });

test('engine: a party voices its threat in its first round at the table when the other side demands what it would walk out over', () => {
  const s = guarded('x < 40');
  const sat = share(s, 500, (r) => r.attended[1] === 1 && r.endRound >= 1);
  const threatened = share(s, 500, (r) => r.threatened[1] > 0);
  const inRoundOne = share(s, 500, (r) => r.threatened[1] === 1);
  assert.ok(sat > 0.9, `B sat in ${sat}`);
  assert.is(threatened, sat, 'every run where B sat');
  assert.is(inRoundOne, threatened);
  assert.is(share(s, 500, (r) => r.threatened[0] > 0), 0, 'A has no exit preference');
  assert.is(share(guarded('x < 5'), 500, (r) => r.threatened[1] > 0), 0, "no demand on the table below 10: no threat");
});

test('engine: a voiced threat changes no choice: the outcomes are those of the same talks without the exit', () => {
  const withExit = guarded('x < 40');
  const without = guarded();
  const a = newRunRecord(withExit);
  const b = newRunRecord(without);
  const ea = new RunEngine(withExit);
  const eb = new RunEngine(without);
  let walkoutsOnExit = 0;
  for (let run = 0; run < 300; run++) {
    ea.run(7, run, a);
    eb.run(7, run, b);
    assert.is(a.outcome, b.outcome, `run ${run}`);
    assert.is(a.endRound, b.endRound, `run ${run}`);
    assert.equal(Array.from(a.withdrewRound), Array.from(b.withdrewRound), `run ${run}`);
    if (a.trigger[1] === TRIGGER_EXIT) walkoutsOnExit++;
  }
  assert.is(walkoutsOnExit, 0, 'the proposal never met the exit, so no walk-out was the exit');
});

test('engine: when the proposal meets the exit, the threat is voiced and staying costs its cost (more walk-outs)', () => {
  // B's exit "x < 60" with no red line: the mediator's text, between 10-30 and 60-90, meets it
  const s = twoParties({ exitB: 'x < 60' });
  const none = twoParties();
  const threatened = share(s, 800, (r) => r.threatened[1] > 0);
  const sat = share(s, 800, (r) => r.attended[1] === 1 && r.endRound >= 1);
  assert.is(threatened, sat);
  const out = share(s, 800, (r) => r.withdrewRound[1] > 0);
  const outNone = share(none, 800, (r) => r.withdrewRound[1] > 0);
  assert.ok(out > outNone + 0.05, `${out} against ${outNone}`);
});

test.run();
