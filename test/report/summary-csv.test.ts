import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SUMMARY_HEADER, summaryCsv, summaryRows } from '../../src/report/summary-csv.js';
import { summaryOf } from './fixture.js';

test('one row a metric: metric, actor, estimate, lo, hi, n, seed, and the scenario\'s sha256 and overrides', async () => {
  const s = await summaryOf(600, 17);
  const rows = summaryRows(s);
  assert.equal(SUMMARY_HEADER, ['metric', 'actor', 'estimate', 'lo', 'hi', 'n', 'seed', 'scenario_sha256', 'overrides']);
  const agreement = rows.find((r) => r[0] === 'outcome.agreement')!;
  assert.equal(agreement, ['outcome.agreement', '', s.outcomes.agreement.p, s.outcomes.agreement.lo, s.outcomes.agreement.hi, 600, 17, s.scenario.hash, '']);
  const attend = rows.find((r) => r[0] === 'attend' && r[1] === 'b')!;
  assert.is(attend[2], s.actors.b.attend!.p);
  assert.ok(rows.some((r) => r[0] === 'truce.broken_by' && r[1] === 'a'));
  assert.ok(rows.every((r) => r[6] === 17 && r[7] === s.scenario.hash && r[8] === ''));
  const set = summaryRows({ ...s, scenario: { ...s.scenario, overrides: { 'model.lambda': 10, 'actors.a.capability': { uniform: [0.5, 0.8] } } } });
  assert.ok(set.every((r) => r[8] === 'model.lambda=10; actors.a.capability={uniform: [0.5, 0.8]}'), 'the overrides in full on every row');
});

test('the CSV text has a header, CRLF records, and the seed and the sha256 on every row', async () => {
  const s = await summaryOf(300, 2);
  const text = summaryCsv(s);
  const lines = text.split('\r\n');
  assert.is(lines[0], 'metric,actor,estimate,lo,hi,n,seed,scenario_sha256,overrides');
  assert.is(lines[lines.length - 1], '');
  for (const l of lines.slice(1, -1)) assert.ok(l.endsWith(`,2,${s.scenario.hash},`), l);
  for (const l of lines.filter((x) => x.startsWith('outcome.'))) assert.ok(l.endsWith(`,300,2,${s.scenario.hash},`), l);
});

test.run();
