import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { csvRows } from '../../src/report/csv.js';
import { runsCsvHeader, runsCsvRows, uncertainParams } from '../../src/report/runs-csv.js';
import { OUTCOMES } from '../../src/sim/run-record.js';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { tiny } from './fixture.js';

test('one row a run with its outcome, who withdrew, the ceasefire, the sampled values, the sha256 and the overrides', async () => {
  let text = csvRows(runsCsvHeader(tiny), []);
  const tally = await monteCarlo(tiny, { runs: 300, seed: 9, workers: 1, keepRuns: true, onBlock: (b) => { text += runsCsvRows(tiny, b.columns!, 9, { 'model.lambda': 8 }); } });
  const lines = text.trimEnd().split('\r\n');
  const header = lines[0].split(',');
  assert.equal(header.slice(0, 7), ['run', 'seed', 'outcome', 'end_round', 'boycotted', 'withdrew', 'withdrawal_trigger']);
  assert.ok(header.includes('truce.fate') && header.includes('deal.x'));
  // the uncertain positions are the sampled columns
  assert.equal(uncertainParams(tiny).map((i) => tiny.params[i].path), ['actors.a.position.x', 'actors.b.position.x']);
  assert.equal(header.slice(-4), ['actors.a.position.x', 'actors.b.position.x', 'scenario_sha256', 'overrides']);
  assert.is(lines.length, 301);
  const rows = lines.slice(1).map((l) => l.split(','));
  const counts = OUTCOMES.map((o) => rows.filter((r) => r[2] === o).length);
  assert.equal(counts, Array.from(tally.outcomes));
  for (const r of rows) {
    assert.is(r[1], '9');
    assert.equal(r.slice(-2), [tiny.hash, 'model.lambda=8']);
    const a = Number(r[r.length - 4]);
    assert.ok(a >= 10 && a <= 30, `sampled position ${a} within its uniform range`);
    if (r[2] === 'withdrawal') assert.ok(r[5].length > 0 && /^(exit|choice)/.test(r[6]));
  }
});

test.run();
