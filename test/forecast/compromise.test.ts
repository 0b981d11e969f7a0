import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compromisePosition } from '../../src/forecast/compromise.js';

const a = (capability: number, position: number, salience: number) => ({ name: `${position}`, capability, position, salience });

test('doc example: the EU car-emissions data give 5.003 / 0.677 = 7.38996 (the published weighted mean)', () => {
  const eu = [a(0.08, 4, 0.8), a(0.08, 7, 0.4), a(0.03, 4, 0.2), a(0.16, 4, 0.8), a(0.16, 10, 0.6), a(0.16, 10, 0.6), a(0.16, 10, 0.9), a(0.05, 7, 0.1), a(0.05, 4, 1.0), a(0.08, 7, 0.7)];
  assert.ok(Math.abs(compromisePosition(eu) - 5.003 / 0.677) < 1e-12);
  assert.ok(Math.abs(compromisePosition(eu) - 7.38996) < 1e-5);
});

test('weights are capability times salience: (1*1*0 + 2*0.5*30) / (1 + 1) = 15', () => {
  assert.is(compromisePosition([a(1, 0, 1), a(2, 30, 0.5)]), 15);
});

test('actors with zero weight do not count; with none left the result is NaN', () => {
  assert.is(compromisePosition([a(1, 20, 1), a(0, 90, 1), a(5, 90, 0)]), 20);
  assert.ok(Number.isNaN(compromisePosition([a(0, 20, 1)])));
  assert.ok(Number.isNaN(compromisePosition([])));
});

test.run();
