import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applyPriority } from '../../../src/model/preferences/priority.js';

const close = (a: ArrayLike<number>, b: number[]) => b.forEach((x, i) => assert.ok(Math.abs(a[i] - x) < 1e-12, `${a[i]} vs ${x} at ${i}`));

test('the first issue comes to weigh at least all the later ones together (hand-computed)', () => {
  const w = [0.2, 0.3, 0.5];
  applyPriority(w, 0, 3, [0, 1, 2]);
  close(w, [0.5, 0.25, 0.25]);
});

test('an order the weights already satisfy leaves them unchanged', () => {
  const w = [0.6, 0.3, 0.1];
  applyPriority(w, 0, 3, [0, 1, 2]);
  close(w, [0.6, 0.3, 0.1]);
});

test('issues outside the list keep their share before renormalising', () => {
  // order [1, 0]: w1 raised to w0 = 0.2; then [0.2, 0.2, 0.6] / 1.0
  const w = new Float64Array([0.2, 0.1, 0.7]);
  applyPriority(w, 0, 3, [1, 0]);
  close(w, [0.2 / 1.1, 0.2 / 1.1, 0.7 / 1.1]);
});

test('Geneva: terrorism first makes the agenda outweigh Assad\'s role for the government', () => {
  // salience assad 1.0, agenda 0.8 -> weights 1/1.8, 0.8/1.8; priority [agenda, assad] -> agenda raised to 1/1.8
  const w = [1 / 1.8, 0.8 / 1.8];
  applyPriority(w, 0, 2, [1, 0]);
  close(w, [0.5, 0.5]);
});

test.run();
