import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { challengeUtility, expectedUtilityModel, riskExponents, winProbability } from '../../src/forecast/expected-utility.js';

const a = (name: string, capability: number, position: number, salience: number) => ({ name, capability, position, salience });
const close = (x: number, y: number, tol = 1e-12) => assert.ok(Math.abs(x - y) < tol, `${x} vs ${y}`);

// Two actors, by hand. A (c 1, s 1, x 0), B (c 1, s 0.5, x 10); d = 10.
// Votes for A over B: A 1*1*(10-0)/10 = 1, B 1*0.5*(0-10)/10 = -0.5, so P_AB = 1/1.5 = 2/3.
const TWO = [a('A', 1, 0, 1), a('B', 1, 10, 0.5)];

test('win probability: the c s weighted votes for i over j, over all votes (2/3 and 1/3 by hand)', () => {
  close(winProbability(TWO, [0, 10], 0, 10, 10), 2 / 3);
  close(winProbability(TWO, [0, 10], 10, 0, 10), 1 / 3);
  assert.is(winProbability([a('x', 0, 0, 1)], [0], 0, 10, 10), 0.5);
});

test('challenge utility with r = 1, Q = 1: EU_AB = 0.5 (2/3 * 2 - 1/3 * 2) + 0.5 * 2 - 0 = 4/3; EU_BA = -2/3', () => {
  close(challengeUtility({ xi: 0, xj: 10, sj: 0.5, pij: 2 / 3, r: 1 }, 0, 10, 1, 1), 4 / 3);
  close(challengeUtility({ xi: 10, xj: 0, sj: 1, pij: 1 / 3, r: 1 }, 0, 10, 1, 1), -2 / 3);
  // r = 2: U^s = 2, U^f = -2, U^sq = 2 - 4/4 = 1: EU_AB = 1/3 + 1 - 1 = 1/3
  close(challengeUtility({ xi: 0, xj: 10, sj: 0.5, pij: 2 / 3, r: 2 }, 0, 10, 1, 1), 1 / 3);
});

test('challenge utility with Q < 1 subtracts T U^b + (1 - T) U^w: Q = 0, T = 1, r = 1 at x_i = mu', () => {
  // dist 0.5: U^s = 2 - 4 (0.25) = 1, U^f = 2 - 4 (0.75) = -1; U^b = 2 - 4 (0.5 - 0.125) = 0.5.
  close(challengeUtility({ xi: 0, xj: 5, sj: 1, pij: 0.5, r: 1 }, 0, 10, 0, 1), 0 - 0.5);
});

test('risk exponents: the most exposed actor gets r = 1/2, the least 2, one in the middle 1', () => {
  const r = riskExponents([-2 / 3, 4 / 3, 1 / 3]);
  close(r[0], 2);
  close(r[1], 0.5);
  close(r[2], 1);
  assert.equal(riskExponents([1, 1]), [1, 1]);
});

// Round 1 by hand. Exposures (r = 1): S_A = EU_BA = -2/3, S_B = EU_AB = 4/3, so r_A = 2, r_B = 1/2.
// A's view (r 2): EU_AB = 1/3, EU_BA = (2/3 - 4/3) - 1 = -5/3 < 0: B has no offer for A.
// B's view (r 1/2, U^sq = 2 - 4 sqrt(1/2) = -0.828427): EU_BA = -2/3 + 0.828427 = 0.161760,
// EU_AB = 1/3 + 1 + 0.828427 = 2.161760 > EU_BA > 0: confrontation, B moves to A's position 0.
test('two actors by hand: B loses a confrontation in round 1 and moves to 0; nothing moves in round 2, so the run stops', () => {
  const rounds = expectedUtilityModel(TWO, { rounds: 10 });
  assert.is(rounds.length, 3);
  assert.is(rounds[0].median, 0);
  close(rounds[0].mean, 5 / 1.5);
  assert.equal(rounds[1].positions, [0, 0]);
  close(rounds[1].risk[0], 2);
  close(rounds[1].risk[1], 0.5);
  assert.equal(rounds[1].moves, [{ actor: 1, from: 0, kind: 'confrontation', before: 10, after: 0 }]);
  assert.is(rounds[1].mean, 0);
  assert.equal(rounds[2].moves, []);
});

test('EU car emissions: round 0 is the published starting point (median 7, mean 7.38996); the median stays at 7', () => {
  const eu = [a('NL', 0.08, 4, 0.8), a('B', 0.08, 7, 0.4), a('L', 0.03, 4, 0.2), a('D', 0.16, 4, 0.8), a('F', 0.16, 10, 0.6), a('I', 0.16, 10, 0.6), a('UK', 0.16, 10, 0.9), a('IRL', 0.05, 7, 0.1), a('DK', 0.05, 4, 1.0), a('GR', 0.08, 7, 0.7)];
  const rounds = expectedUtilityModel(eu, { rounds: 10 });
  assert.is(rounds.length, 11);
  assert.is(rounds[0].median, 7);
  close(rounds[0].mean, 7.38996, 1e-5);
  for (const r of rounds) assert.is(r.median, 7, `round ${r.round}`);
  for (const r of rounds) for (const x of r.positions) assert.ok(x >= 4 && x <= 10, 'positions stay within the initial range');
  assert.ok(rounds[1].moves.length > 0);
});

test('a single actor, or everyone at one position: only round 0', () => {
  assert.is(expectedUtilityModel([a('A', 1, 5, 1)]).length, 1);
  assert.is(expectedUtilityModel([a('A', 1, 5, 1), a('B', 2, 5, 0.3)]).length, 1);
});

test.run();
