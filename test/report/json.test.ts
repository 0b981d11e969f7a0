import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { summaryJson } from '../../src/report/json.js';
import { summaryOf } from './fixture.js';

test('JSON carries the seed and runs, and writes undefined numbers as null', async () => {
  const s = await summaryOf(200, 3);
  s.deal.x.mean = NaN;
  const j = JSON.parse(summaryJson(s));
  assert.is(j.seed, 3);
  assert.is(j.runs, 200);
  assert.is(j.deal.x.mean, null);
  assert.is(j.outcomes.stalemate.p, s.outcomes.stalemate.p);
});

test.run();
