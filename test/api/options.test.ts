import { availableParallelism } from 'node:os';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { OptionError } from '../../src/api/errors.js';
import { MAX_RUNS, precisionOption, runsOption, seedOption, wholeOption, workersOption } from '../../src/api/options.js';

const refused = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof OptionError) return e.message;
    throw e;
  }
  throw new Error('accepted');
};

test('runs, seed and workers take whole numbers in range, with defaults 10,000, 1 and one a core', () => {
  assert.is(runsOption(undefined), 10_000);
  assert.is(runsOption(MAX_RUNS), MAX_RUNS);
  assert.is(seedOption(undefined), 1);
  assert.is(seedOption(-7), -7);
  assert.is(workersOption(undefined), Math.max(1, availableParallelism()));
  assert.is(workersOption('auto'), Math.max(1, availableParallelism()));
  assert.is(workersOption(1), 1);
  assert.is(workersOption(256), Math.max(1, availableParallelism()), 'capped to the cores');
  assert.is(refused(() => runsOption(0)), 'runs must be a whole number from 1 to 100000000; got 0');
  assert.is(refused(() => runsOption(MAX_RUNS + 1)), 'runs must be a whole number from 1 to 100000000; got 100000001');
  assert.is(refused(() => seedOption(1.5)), `seed must be a whole number from ${-Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}; got 1.5`);
  assert.match(refused(() => workersOption(257)), 'workers must be a whole number from 1 to 256');
  assert.match(refused(() => wholeOption('rounds', '3' as unknown, 1, 9)), "rounds must be a whole number from 1 to 9; got 3");
});

test('precision is a half-width strictly between 0 and 0.5', () => {
  assert.is(precisionOption(0.005), 0.005);
  for (const e of [0, 0.5, -0.1, Number.NaN]) assert.match(refused(() => precisionOption(e)), 'precision must be a half-width between 0 and 0.5');
});

test.run();
