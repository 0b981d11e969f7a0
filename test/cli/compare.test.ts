import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { negsim, noStack, tempDir } from './helpers.js';

const dir = tempDir();

test('compare --seeds 1..4 prints a row a seed, the homogeneity test and a verdict; --csv writes the long layout', () => {
  const r = negsim(['compare', '--seeds', '1..4', '--runs', '1000', '--workers', '1', '--csv', join(dir, 'seeds.csv')]);
  assert.is(r.code, 0, r.err);
  assert.match(r.out, '4 seeds, 1000 runs each');
  assert.match(r.out, /\n {3}3 {2}\d/);
  assert.match(r.out, 'chi2 (df)');
  for (const l of r.out.split('\n')) assert.ok(l.length <= 80, l);
  assert.match(r.out, /The 4 seeds (agree|disagree)/);
  const csv = readFileSync(join(dir, 'seeds.csv'), 'utf8').split('\r\n');
  assert.is(csv[0], 'compared,metric,actor,estimate,lo,hi,n,seed,scenario_sha256,overrides');
  assert.is(csv.filter((l) => l.startsWith('pooled,')).length, 8);
});

test('compare FILE --set flags a real difference; --json carries the differences and the overrides', () => {
  const r = negsim(['compare', 'scenarios/geneva-2014.yaml', '--set', 'model.lambda=0.5', '--runs', '1000', '--workers', '1', '--json']);
  assert.is(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.is(j.kind, 'scenarios');
  assert.equal(j.scenarios[1].overrides, { 'model.lambda': 0.5 });
  assert.ok(j.differences.find((d: { metric: string }) => d.metric === 'no_talks').flagged);
});

test('compare FILE --set: every CSV row says which scenario (sha256) and which override, written out in full; the table fits 80 columns', () => {
  const csv = join(dir, 'set.csv');
  const r = negsim(['compare', '--set', 'actors.gov.capability={uniform: [0.5, 0.8]}', '--set', 'model.lambda=10', '--runs', '1000', '--workers', '1', '--csv', csv]);
  assert.is(r.code, 0, r.err);
  const rows = readFileSync(csv, 'utf8').split('\r\n').filter(Boolean).slice(1);
  const hash = '59c910ce21097dcb851e78dc9eb06ebb14fe5103682fc1316e2c868eed177cd9';
  const set = '"actors.gov.capability={uniform: [0.5, 0.8]}; model.lambda=10"';
  assert.ok(rows.filter((l) => l.startsWith('baseline,')).every((l) => l.endsWith(`,1,${hash},`)), 'the baseline: no override');
  assert.ok(rows.filter((l) => l.startsWith('with --set,')).every((l) => l.endsWith(`,1,${hash},${set}`)));
  assert.ok(rows.filter((l) => l.startsWith('with --set - baseline,')).every((l) => l.endsWith(`,1,${hash},${set}`)));
  assert.ok(rows.some((l) => l.startsWith('with --set - baseline,difference.aleppo_ceasefire.accepted,')), 'parties and measures too');
  for (const l of r.out.split('\n')) assert.ok(l.length <= 80, l);
  assert.match(r.out, '  B: with --set (geneva-2014, sha256 59c910ce2109) with --set');
});

test('compare takes --max-minutes, as the README says', () => {
  const r = negsim(['compare', '--seeds', '1..3', '--runs', '100000000', '--max-minutes', '0.01']);
  assert.is(r.code, 1);
  assert.match(r.err, /^negsim: 300,000,000 runs in 3 Monte Carlos with \d+ workers? would take about .* more than --max-minutes 0\.01/);
});

test('compare of a file with itself flags nothing', () => {
  const r = negsim(['compare', 'scenarios/geneva-2014.yaml', join('scenarios', '..', 'scenarios', 'geneva-2014.yaml'), '--runs', '1000', '--workers', '1']);
  assert.is(r.code, 0, r.err);
  assert.match(r.out, 'No difference is distinguishable from Monte Carlo error');
});

test('run --precision stops at a whole block, says so, and prints what --runs with that count prints', () => {
  const p = negsim(['run', '--precision', '0.02', '--workers', '1', '--json']);
  assert.is(p.code, 0, p.err);
  assert.match(p.err, 'precision 0.02 reached after 3000 runs');
  assert.is(p.out, negsim(['run', '--runs', '3000', '--json', '--quiet']).out);
  const capped = negsim(['run', '--precision', '0.001', '--max-runs', '1500', '--workers', '1', '--json']);
  assert.match(capped.err, 'precision 0.001 NOT reached (--max-runs 1500) after 1500 runs');
});

test('bad compare flags exit 1 with a message and no stack trace', () => {
  for (const [args, msg] of [
    [['compare'], 'compare what?'],
    [['compare', '--seeds', '5..1'], '--seeds must be a list'],
    [['compare', '--seeds', '1,1'], 'names a seed twice'],
    [['compare', '--set', 'model.lamda=3'], "did you mean 'model.lambda'?"],
    [['run', '--precision', '2'], '--precision must be a half-width'],
  ] as [string[], string][]) {
    const r = negsim(args);
    assert.is(r.code, 1, args.join(' '));
    assert.match(r.err, msg);
    assert.ok(noStack(r.err));
  }
});

test.run();
