import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AgentGroup } from '../../../src/model/games/agent-group.js';
import { setCompliance, type StageTerms } from '../../../src/model/games/ceasefire.js';
import { LogitQreSolver } from '../../../src/model/logit-qre.js';
import { logit2 } from '../../../src/model/logit-choice.js';

const terms = (o: Partial<StageTerms> = {}): StageTerms => ({ peace: 0.3, temptation: 0.25, sucker: 0.3, push: 0, gain: 0, future: 0, guarantee: 0, ...o });

function beliefsOf(n: number, b: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = i === j ? 1 : b;
  return out;
}

/** max over agents of |sigma - logit response| at the group's own q. */
function residual(g: AgentGroup, n: number, lambda: number): number {
  let r = 0;
  for (let a = 0; a < 2 * n; a++) r = Math.max(r, Math.abs(g.sigma[a] - logit2(lambda, g.utility(a, 0) - g.utility(a, 1))));
  return r;
}

test('a group of three or five sides is solved to a logit QRE (residual below 1e-9)', () => {
  for (const n of [3, 5]) {
    const g = new AgentGroup(n);
    for (let i = 0; i < n; i++) for (let t = 0; t < 2; t++) setCompliance(g, 2 * i + t, terms({ future: 0.2 * i, push: 0.05 }));
    g.solve(n, beliefsOf(n, 0.6), 20);
    assert.ok(residual(g, n, 20) < 1e-9, `n = ${n}: residual ${residual(g, n, 20)}`);
  }
});

test('two sides: the same QRE as the traced four-agent game', () => {
  const g = new AgentGroup(2);
  for (let i = 0; i < 2; i++) for (let t = 0; t < 2; t++) setCompliance(g, 2 * i + t, terms({ push: 0.1 }));
  const sigma = Array.from(g.solve(2, beliefsOf(2, 0.5), 4, true).subarray(0, 4));
  const traced = new LogitQreSolver({ caution: 0.05 }).solve(g.pairGame, 4);
  for (let k = 0; k < 4; k++) assert.ok(Math.abs(sigma[k] - traced[2 * k]) < 1e-9, `agent ${k}: ${sigma[k]} vs ${traced[2 * k]}`);
});

test('from the top: where keeping the agreement is an equilibrium it is the one played', () => {
  // two sincere sides sure of each other, an assurance game with two strict equilibria at lambda 40
  const g = new AgentGroup(3);
  for (let i = 0; i < 3; i++) for (let t = 0; t < 2; t++) setCompliance(g, 2 * i + t, terms({ future: 0.5 }));
  const top = Array.from(g.solve(3, beliefsOf(3, 1), 40, false, true).subarray(0, 6));
  assert.ok(top[0] > 0.99 && top[2] > 0.99 && top[4] > 0.99, `sincere agents from the top: ${top}`);
  assert.ok(residual(g, 3, 40) < 1e-9);
});

test('one side alone: a logit choice', () => {
  const g = new AgentGroup(1);
  g.a0[0] = 0.2; g.b0[0] = 0; g.a1[0] = 0; g.b1[0] = 0;
  g.a0[1] = 0; g.b0[1] = 0; g.a1[1] = 0.1; g.b1[1] = 0;
  const s = g.solve(1, new Float64Array([1]), 10);
  assert.ok(Math.abs(s[0] - logit2(10, 0.2)) < 1e-15 && Math.abs(s[1] - logit2(10, -0.1)) < 1e-15);
});

test.run();
