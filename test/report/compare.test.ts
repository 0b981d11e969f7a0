import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { painter } from '../../src/report/color.js';
import { compareCsv, compareTable } from '../../src/report/compare.js';
import { compareScenarios, compareSeeds } from '../../src/stats/comparison.js';
import { newTally, type Tally } from '../../src/stats/tally.js';
import type { Scenario } from '../../src/scenario/types.js';

const shape = { actors: [], rounds: 2, measures: [], issues: [] } as unknown as Scenario;
function tally(outcomes: number[]): Tally {
  const t = newTally(shape);
  t.outcomes.set(outcomes);
  t.runs = outcomes.reduce((a, b) => a + b, 0);
  return t;
}
const label = (l: string) => ({ label: l, id: 'x', file: 'x.yaml', hash: 'ab'.repeat(32) });

test('seed CSV: one row a seed and outcome, then pooled estimates and homogeneity p-values, in long layout', () => {
  const c = compareSeeds(label('x.yaml'), [{ seed: 1, tally: tally([10, 40, 50, 0]) }, { seed: 2, tally: tally([12, 38, 50, 0]) }], '0.1.0', 'rng');
  const lines = compareCsv(c).split('\r\n');
  assert.is(lines[0], 'compared,metric,actor,estimate,lo,hi,n,seed,scenario_sha256,overrides');
  assert.match(lines[1], /^1,outcome\.agreement,,0\.1,0\.05\d+,0\.17\d+,100,1,(ab){32},$/);
  assert.ok(lines.includes('pooled,outcome.agreement,,0.11,0.0720\d*,0.1643\d*,200,1 2') || lines.some((l) => l.startsWith('pooled,outcome.agreement,,0.11,')));
  assert.ok(lines.some((l) => /^pooled,outcome\.agreement\.homogeneity_p,,0\.6\d+,,,200,1 2,(ab){32},$/.test(l)), lines.join('\n'));
  const t = compareTable(c);
  assert.match(t, '\nseed  agreement        withdrawal        stalemate         no_talks\n   1  10.0 [5.5,17.4]  40.0 [30.9,49.8]  50.0 [40.4,59.6]  0.0 [0.0,3.7]\n');
  assert.match(t, '\nagreement   11.0 [7.4,16.1]             1.4    3.1   0.20 (1)    0.651\n');
  assert.ok(t.split('\n').every((l) => l.length <= 80), t);
});

test('scenario table: differences from A with the paired interval, * where it excludes 0, and a closing sentence', () => {
  const a = Uint8Array.from([...Array(50).fill(1), ...Array(50).fill(2)]);
  const b = Uint8Array.from([...Array(80).fill(1), ...Array(20).fill(2)]);
  const c = compareScenarios([
    { label: label('a.yaml'), tally: tally([0, 50, 50, 0]), outcomes: a },
    { label: label('b.yaml'), tally: tally([0, 80, 20, 0]), outcomes: b },
  ], 1, '0.1.0', 'rng');
  const t = compareTable(c);
  assert.match(t, /B - A {2}withdrawal {4}\+30\.0 \[\+\d+\.\d, \+\d+\.\d\] \*/);
  assert.match(t, /B - A {2}agreement {6}\+0\.0 \[-\d\.\d, \+\d\.\d\]\n/);
  assert.match(t, '2 differences beyond Monte Carlo error: withdrawal (b.yaml), stalemate (b.yaml).');
  assert.ok(t.split('\n').every((l) => l === l.trimEnd()));
  assert.match(compareCsv(c), 'b.yaml - a.yaml,difference.outcome.withdrawal,,0.3,');
  // painted: the * flags yellow and the column heading bold; without the escape codes the same text
  const painted = compareTable(c, painter(true));
  assert.match(painted, /withdrawal {4}\+30\.0 \[[^\]]+\] \x1b\[33m\*\x1b\[39m\n/);
  assert.match(painted, '\x1b[1moutcome       A                     B\x1b[22m');
  assert.is(painted.replace(/\x1b\[\d+m/g, ''), t);
});

test("scenario table and CSV with parties' events: side by side, and their paired differences with the actor named", () => {
  const a = Uint8Array.from(Array(100).fill(2));
  const keys = [{ metric: 'attend', actor: 'gov' }, { metric: 'cf.held', actor: '' }];
  const ev = (attend: number, held: number) => ({
    keys,
    bits: [Uint8Array.from({ length: 100 }, (_, i) => (i < attend ? 1 : 0)), Uint8Array.from({ length: 100 }, (_, i) => (i < held ? 1 : 0))],
  });
  const c = compareScenarios([
    { label: label('a.yaml'), tally: tally([0, 0, 100, 0]), outcomes: a, events: ev(90, 20) },
    { label: label('b.yaml'), tally: tally([0, 0, 100, 0]), outcomes: a, events: ev(90, 60) },
  ], 1, '0.1.0', 'rng');
  const t = compareTable(c);
  assert.match(t, /\nparty \/ measure {2}A {21}B\n/);
  assert.match(t, /\nattend gov {7}90\.0% \[[\d.]+%, [\d.]+%\] +90\.0% /);
  assert.match(t, /\ncf\.held {10}20\.0% /);
  assert.match(t, /B - A {2}cf\.held +\+40\.0 \[\+\d+\.\d, \+\d+\.\d\] \*/);
  assert.match(t, /B - A {2}attend gov +\+0\.0 /);
  const csv = compareCsv(c);
  assert.match(csv, 'a.yaml,attend,gov,0.9,');
  assert.match(csv, 'b.yaml - a.yaml,difference.cf.held,,0.4,');
  assert.match(csv, 'b.yaml - a.yaml,difference.attend,gov,0,');
});

test.run();
