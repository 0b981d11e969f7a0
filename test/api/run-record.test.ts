import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runRecordsOf } from '../../src/api/run-record.js';
import { loadScenario } from '../../src/api/scenario.js';
import { runsCsvHeader, runsCsvRows } from '../../src/report/runs-csv.js';
import { BlockRunner } from '../../src/sim/block.js';

const { scenario } = loadScenario();
/** The CSV prints numbers rounded (report/csv.ts). */
const close = (x: number, printed: string) => Math.abs(x - Number(printed)) <= 1e-6 * Math.max(1, Math.abs(x));

test('a run record holds what its row of the runs CSV holds, with ids for indexes', () => {
  const block = new BlockRunner(scenario).run(2, 7, 2000, 2400, true);
  const records = runRecordsOf(scenario, block.columns!, 7);
  const header = runsCsvHeader(scenario);
  // (no field of these rows is quoted: ids, numbers, ';'-lists, the sha256 and no overrides)
  const rows = runsCsvRows(scenario, block.columns!, 7).trimEnd().split('\r\n').map((line) => line.split(','));
  assert.is(records.length, 400);
  assert.is(rows.length, 400);
  const col = (row: string[], name: string) => row[header.indexOf(name)];
  let walkouts = 0, ceasefires = 0;
  records.forEach((r, i) => {
    const row = rows[i];
    assert.is(String(r.run), col(row, 'run'));
    assert.is(r.seed, 7);
    assert.is(r.outcome, col(row, 'outcome'));
    assert.is(String(r.endRound), col(row, 'end_round'));
    assert.is(r.boycotted.join(';'), col(row, 'boycotted'));
    assert.is(r.withdrew.map((w) => w.actor).join(';'), col(row, 'withdrew'));
    assert.is(r.withdrew.map((w) => w.trigger).join(';'), col(row, 'withdrawal_trigger'));
    assert.ok(r.withdrew.every((w) => w.round >= 1 && w.round <= r.endRound));
    for (const m of scenario.measures) {
      const f = r.measures[m.id];
      if (f.kind === 'ceasefire') {
        assert.is(f.fate, col(row, `${m.id}.fate`));
        assert.is(String(f.roundsKept), col(row, `${m.id}.rounds_kept`));
        assert.is(f.brokenBy ?? '', col(row, `${m.id}.broken_by`));
        if (f.fate === 'held' || f.fate === 'broken') ceasefires++;
      } else {
        assert.is(f.carriedOut === null ? '' : f.carriedOut ? '1' : '0', col(row, `${m.id}.carried_out`));
      }
    }
    for (const iss of scenario.issues) {
      if (r.deal === null) assert.is(col(row, `deal.${iss.id}`), '');
      else assert.ok(close(r.deal[iss.id], col(row, `deal.${iss.id}`)), iss.id);
    }
    for (const [path, v] of Object.entries(r.values)) assert.ok(close(v, col(row, path)), path);
    assert.is(Object.keys(r.values).length, header.length - 9 - scenario.issues.length - 3 * scenario.measures.filter((m) => m.kind === 'ceasefire').length - scenario.measures.filter((m) => m.kind !== 'ceasefire').length);
    if (r.withdrew.length > 0) walkouts++;
  });
  assert.ok(walkouts > 0 && ceasefires > 0, 'the block has walk-outs and accepted ceasefires to compare');
});

test.run();
