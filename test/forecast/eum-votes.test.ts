import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { winProbabilities } from '../../src/forecast/eum-votes.js';

const close = (x: number, y: number, tol = 1e-12) => assert.ok(Math.abs(x - y) < tol, `${x} vs ${y}`);
const f64 = (...v: number[]) => Float64Array.from(v);
const probabilities = (x: number[], w: number[], r: number[], range: number, den: 'dyad' | 'all-pairs') => {
  const n = x.length;
  const P = new Float64Array(n * n);
  winProbabilities(f64(...x), f64(...w), f64(...r), range, den, P, new Float64Array(n * n + n));
  return P;
};

// A (c s = 1, x 0) and B (c s = 0.5, x 10), d = 10: A votes 1 for A over B, B votes 0.5 for B.
test('dyad (eq. 30 as printed): the votes for i over j among the votes on the pair, so P_AB + P_BA = 1', () => {
  const P = probabilities([0, 10], [1, 0.5], [1, 1], 10, 'dyad');
  close(P[1], 2 / 3);
  close(P[2], 1 / 3);
  assert.is(P[0], 0);
});

test('all-pairs (Scholz et al.\'s program): the same votes over the |votes| of every ordered pair, 1 + 1 + 0.5 + 0.5 = 3', () => {
  const P = probabilities([0, 10], [1, 0.5], [1, 1], 10, 'all-pairs');
  close(P[1], 1 / 3);
  close(P[2], 1 / 6);
});

test('risk in votes: a voter at 0 with r = 2 between 5 and 10 votes (10/10)^2 - (5/10)^2 = 0.75, not 0.5', () => {
  // third actor C at 5; d = 10. Voter A (x 0, w 1, r 2), voters B and C have weight 0.
  const P = probabilities([0, 10, 5], [1, 0, 0], [2, 1, 1], 10, 'dyad');
  close(P[2 * 3 + 1], 1); // C (5) over B (10): only A votes, for C
  // all-pairs: A's |votes| over ordered pairs: (0,10) 1, (0,5) 0.25, (10,5) 0.75, each twice = 4
  const Q = probabilities([0, 10, 5], [1, 0, 0], [2, 1, 1], 10, 'all-pairs');
  close(Q[2 * 3 + 1], 0.75 / 4);
  close(Q[0 * 3 + 2], 0.25 / 4);
  // plain distances: 0.5 and 0.5 / (1 + 0.5 + 0.5) twice
  const R = probabilities([0, 10, 5], [1, 0, 0], [1, 1, 1], 10, 'all-pairs');
  close(R[2 * 3 + 1], 0.5 / 4);
});

test('two actors at one position: no contest, P = 0; nobody caring: 1/2 in the dyad reading', () => {
  const P = probabilities([3, 3, 8], [1, 1, 1], [1, 1, 1], 5, 'dyad');
  assert.is(P[1], 0);
  assert.is(P[3], 0);
  const Z = probabilities([0, 10], [0, 0], [1, 1], 10, 'dyad');
  assert.is(Z[1], 0.5);
  assert.is(probabilities([0, 10], [0, 0], [1, 1], 10, 'all-pairs')[1], 0);
});

test.run();
