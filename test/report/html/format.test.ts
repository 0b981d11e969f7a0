import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dataNumber, interval, percent, plain, points } from '../../../src/report/html/format.js';

test('percentages: one decimal from 1% up, two below, a dash for no number', () => {
  assert.is(percent(0.4663), '46.6%');
  assert.is(percent(0.5306), '53.1%');
  assert.is(percent(0.0025), '0.25%');
  assert.is(percent(0.0006), '0.06%');
  assert.is(percent(0.01), '1.0%');
  assert.is(percent(0), '0.0%');
  assert.is(percent(1), '100.0%');
  assert.is(percent(NaN), '–');
});

test('an interval is written lo–hi with the percent sign once', () => {
  assert.is(interval(0.45653727416820616, 0.4760886073219774), '45.7–47.6%');
  assert.is(interval(0.0016939976111583204, 0.0036880807676648933), '0.17–0.37%');
  assert.is(interval(0, 1), '0.0–100.0%');
  assert.is(interval(NaN, 0.5), '–');
});

test('differences in signed percentage points, with a true minus sign', () => {
  assert.is(points(0.032), '+3.2 pp');
  assert.is(points(-0.004), '−0.40 pp');
  assert.is(points(0), '±0.0 pp');
  assert.is(points(Infinity), '–');
});

test('plain numbers lose trailing zeros', () => {
  assert.is(plain(0.15), '0.15');
  assert.is(plain(25), '25');
  assert.is(plain(5.143844634628045, 2), '5.14');
  assert.is(plain(1 / 3), '0.333');
  assert.is(plain(NaN), '–');
});

test('data numbers are written as JSON writes them, so they read back bit for bit', () => {
  for (const x of [0.0016939976111583204, 5.4881857464117456e-05, 0.9997, 1, 0, 1e-7, 61.73203978396377]) {
    assert.is(dataNumber(x), JSON.stringify(x));
    assert.is(Number(dataNumber(x)), x);
  }
  assert.is(dataNumber(5.4881857464117456e-05), '0.000054881857464117456');
  assert.is(dataNumber(NaN), 'null');
  assert.is(dataNumber(-Infinity), 'null');
});

test.run();
