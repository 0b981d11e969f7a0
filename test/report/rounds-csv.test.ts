import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { roundsCsv } from '../../src/report/rounds-csv.js';
import { summaryOf } from './fixture.js';

test('one row a round: survival, hazards and ceasefire kept, with runs, seed, sha256 and overrides', async () => {
  const s = await summaryOf(500, 4);
  const lines = roundsCsv(s).trimEnd().split('\r\n');
  const header = lines[0].split(',');
  assert.equal(header.slice(0, 5), ['round', 'talking', 'talking_lo', 'talking_hi', 'talking_n']);
  assert.ok(header.includes('truce.kept'));
  assert.equal(header.slice(-4), ['runs', 'seed', 'scenario_sha256', 'overrides']);
  assert.is(lines.length, 1 + 4);
  const rows = lines.slice(1).map((l) => l.split(','));
  assert.equal(rows.map((r) => r[0]), ['1', '2', '3', '4']);
  // survival never rises
  const talking = rows.map((r) => Number(r[1]));
  for (let i = 1; i < talking.length; i++) assert.ok(talking[i] <= talking[i - 1]);
  assert.ok(rows.every((r) => r.slice(-4).join(',') === `500,4,${s.scenario.hash},`));
});

test.run();
