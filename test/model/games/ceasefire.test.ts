import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AgentGroup } from '../../../src/model/games/agent-group.js';
import { complianceSurplus, setAcceptance, setCompliance, type StageTerms } from '../../../src/model/games/ceasefire.js';

const terms = (o: Partial<StageTerms> = {}): StageTerms => ({ peace: 0.3, temptation: 0.25, sucker: 0.3, push: 0, gain: 0, future: 0, guarantee: 0, ...o });

/** Agent `agent`'s utilities of comply and violate when the others comply with probability q. */
function utilities(t: StageTerms, agent: number, q: number): [number, number] {
  const g = new AgentGroup(2);
  setCompliance(g, agent, t);
  return [g.a0[agent] + g.b0[agent] * q, g.a1[agent] + g.b1[agent] * q];
}

test('the stage payoffs of the table: sincere sides face an assurance game, sides buying time a dilemma', () => {
  const t = terms();
  assert.equal(utilities(t, 0, 1), [0.3, 0]); // sincere, others comply: peace against nothing
  assert.equal(utilities(t, 0, 0), [-0.3, 0]); // others violate: sucker against war's 0
  const [c, v] = utilities(t, 1, 1); // buying time, others comply
  assert.ok(v > c, 'buying time: violating a complying side pays');
  assert.ok(Math.abs(v - 0.55) < 1e-12);
});

test('war aims: a side that gains by fighting is paid gain for violating, whatever the others do', () => {
  const [, v0] = utilities(terms({ gain: 0.2 }), 0, 0);
  const [, v1] = utilities(terms({ gain: 0.2 }), 0, 1);
  assert.ok(Math.abs(v0 - 0.2) < 1e-12 && Math.abs(v1 - 0.2) < 1e-12);
});

test('the shadow of the future restrains the sincere type only', () => {
  const [cS, vS] = utilities(terms({ future: 1 }), 0, 1);
  assert.ok(Math.abs(vS - -1) < 1e-12 && cS === 0.3);
  const [, vN] = utilities(terms({ future: 1 }), 1, 1);
  assert.ok(Math.abs(vN - 0.55) < 1e-12, `buying time ignores the future: ${vN}`);
});

test('a guarantee reverses and punishes a violation with its probability, and protects the complying side', () => {
  const [c, v] = utilities(terms({ guarantee: 1 }), 1, 1);
  assert.ok(Math.abs(v - -0.3) < 1e-12, 'a certain guarantee: the violator loses sucker');
  assert.ok(c > v);
  const [cVictim] = utilities(terms({ guarantee: 1 }), 0, 0);
  assert.ok(Math.abs(cVictim - 0.3) < 1e-12, 'the complying side keeps its peace');
});

test('acceptance: accept is worth face + q value, reject 0; the surplus is the expected stage utility less war', () => {
  const g = new AgentGroup(2);
  setAcceptance(g, 0, 0.1, 2);
  assert.equal([g.a0[0], g.b0[0], g.a1[0], g.b1[0]], [0.1, 2, 0, 0]);
  setCompliance(g, 2, terms());
  // sincere B complying for sure against others complying with 0.5: 0.5 * 0.3 + 0.5 * -0.3 = 0, less war 0.1
  assert.ok(Math.abs(complianceSurplus(g, 2, 1, 0.5, 0.1) - -0.1) < 1e-12);
});

test.run();
