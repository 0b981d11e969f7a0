import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SUMMARY_HEADER, summaryCsv, summaryRows } from '../../src/report/summary-csv.js';
import { summaryOf } from './fixture.js';

test('one row a metric: metric, actor, estimate, lo, hi, n, seed', async () => {
  const s = await summaryOf(600, 17);
  const rows = summaryRows(s);
  assert.equal(SUMMARY_HEADER, ['metric', 'actor', 'estimate', 'lo', 'hi', 'n', 'seed']);
  const agreement = rows.find((r) => r[0] === 'outcome.agreement')!;
  assert.equal(agreement, ['outcome.agreement', '', s.outcomes.agreement.p, s.outcomes.agreement.lo, s.outcomes.agreement.hi, 600, 17]);
  const attend = rows.find((r) => r[0] === 'attend' && r[1] === 'b')!;
  assert.is(attend[2], s.actors.b.attend!.p);
  assert.ok(rows.some((r) => r[0] === 'truce.broken_by' && r[1] === 'a'));
  assert.ok(rows.every((r) => r[6] === 17));
});

test('the CSV text has a header, CRLF records and the seed last on every row', async () => {
  const text = summaryCsv(await summaryOf(300, 2));
  const lines = text.split('\r\n');
  assert.is(lines[0], 'metric,actor,estimate,lo,hi,n,seed');
  assert.is(lines[lines.length - 1], '');
  for (const l of lines.slice(1, -1)) assert.match(l, /,\d+,2$/);
  for (const l of lines.filter((x) => x.startsWith('outcome.'))) assert.match(l, /,300,2$/);
});

test.run();
