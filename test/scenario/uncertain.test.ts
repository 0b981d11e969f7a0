import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { describeValue, explainUncertain, toDistribution } from '../../src/scenario/uncertain.js';

test('valid values have nothing to explain', () => {
  for (const v of [0, 1, 0.5, { normal: [0.5, 0.1] }, { uniform: [0.9, 1.4] }, { triangular: [-1, 0, 0.2] }, { beta: [2, 6] }, { uniform: [0.3, 0.3] }]) {
    assert.is(explainUncertain(v, [0, 1], 'x'), undefined, JSON.stringify(v));
  }
});

test('hints for the usual slips: quoted numbers, percentages, ranges written as text or as a list', () => {
  assert.equal(explainUncertain('0.5', [0, 1], 'actors.gov.capability'), {
    message: "actors.gov.capability: expected a number or an uncertain value like {uniform: [lo, hi]}, got a string ('0.5')",
    hint: 'remove the quotes: capability: 0.5',
  });
  assert.is(explainUncertain('40%', [0, 1], 'x')?.hint, 'write a fraction: 0.4');
  assert.is(explainUncertain('40%', [0, 100], 'x')?.hint, 'write the number without %');
  assert.is(explainUncertain('20-40', [0, 100], 'x')?.hint, 'for a range write {uniform: [20, 40]}');
  assert.is(explainUncertain('20 to 40', [0, 100], 'x')?.hint, 'for a range write {uniform: [20, 40]}');
  assert.is(explainUncertain([20, 40], [0, 100], 'x')?.hint, 'for a range write {uniform: [20, 40]}');
});

test('beta is allowed only on fields within [0, 1]', () => {
  assert.is(explainUncertain({ beta: [2, 2] }, [0, 1], 'x'), undefined);
  assert.is(explainUncertain({ beta: [2, 2] }, [0, 10], 'x')?.message, 'x: beta is only allowed on fields within [0, 1]; this one is within [0, 10]');
  // on a [0, 10] field beta is not offered, so a misspelt beta gets the list without it
  assert.is(explainUncertain({ betta: [2, 2] }, [0, 10], 'x')?.hint, 'use one of {normal: [mean, sd]}, {uniform: [lo, hi]}, {triangular: [lo, mode, hi]}');
  assert.is(explainUncertain({ betta: [2, 2] }, [0, 1], 'x')?.hint, "did you mean 'beta'?");
});

test('toDistribution maps each notation to its Distribution', () => {
  assert.equal(toDistribution(3), { kind: 'fixed', value: 3 });
  assert.equal(toDistribution({ normal: [50, 10] }), { kind: 'normal', mean: 50, sd: 10 });
  assert.equal(toDistribution({ uniform: [1, 2] }), { kind: 'uniform', lo: 1, hi: 2 });
  assert.equal(toDistribution({ triangular: [80, 95, 100] }), { kind: 'triangular', lo: 80, mode: 95, hi: 100 });
  assert.equal(toDistribution({ beta: [2, 6] }), { kind: 'beta', a: 2, b: 6 });
  assert.throws(() => toDistribution('x'), /not an uncertain value/);
});

test('describeValue names what was found', () => {
  assert.is(describeValue(null), 'nothing (an empty value)');
  assert.is(describeValue('abc'), "a string ('abc')");
  assert.is(describeValue(3), 'the number 3');
  assert.is(describeValue(Infinity), 'the non-finite number Infinity');
  assert.is(describeValue(true), 'true (a boolean)');
  assert.is(describeValue([1]), 'a list');
  assert.is(describeValue({}), 'a mapping');
});

test.run();
