import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { negsim, noStack, tempDir } from './helpers.js';

const dir = tempDir();
const VARY = ['--vary', 'actors.snc.beliefs.gov.sincere=0.1:0.5:0.2', '--vary', 'actors.russia.pressure.0.strength=0:0.6:0.6'];

test('sweep over the SNC\'s trust in the government and Russia\'s pressure: the same table and CSV bytes with 1 and 2 workers', () => {
  const one = negsim(['sweep', ...VARY, '--runs', '1000', '--workers', '1', '--csv', join(dir, 'one.csv')]);
  const two = negsim(['sweep', ...VARY, '--runs', '1000', '--workers', '2', '--csv', join(dir, 'two.csv')]);
  assert.is(one.code, 0, one.err);
  assert.is(two.code, 0, two.err);
  assert.is(two.out, one.out);
  const csv = readFileSync(join(dir, 'one.csv'), 'utf8');
  assert.is(readFileSync(join(dir, 'two.csv'), 'utf8'), csv);
  assert.match(one.out, '6 points, seed 1 and 1000 runs at each (common random numbers)');
  assert.match(one.out, '[1] actors.snc.beliefs.gov.sincere: 0.1 to 0.5 step 0.2 (3 values)');
  assert.match(one.out, '[2] actors.russia.pressure.0.strength: 0 to 0.6 step 0.6 (2 values)');
  assert.match(one.out, /\n {2}0\.3 {2}0\.6 {2}.*\d\.\d ±\d\.\d/);
  const lines = csv.split('\r\n');
  assert.is(lines[0], 'actors.snc.beliefs.gov.sincere,actors.russia.pressure.0.strength,metric,actor,estimate,lo,hi,n,seed,scenario_sha256,overrides');
  assert.match(lines[1], /^0\.1,0,outcome\.agreement,,[\d.]+,[\d.]+,[\d.]+,1000,1,59c910ce21097dcb851e78dc9eb06ebb14fe5103682fc1316e2c868eed177cd9,actors\.snc\.beliefs\.gov\.sincere=0\.1; actors\.russia\.pressure\.0\.strength=0$/);
  const perPoint = (lines.length - 2) / 6;
  assert.ok(Number.isInteger(perPoint) && perPoint > 20, String(perPoint));
  assert.ok(lines[1 + 5 * perPoint].startsWith('0.5,0.6,outcome.agreement,'));
});

test('a sweep point is exactly what run --set prints for its value (same seed, same runs: common random numbers)', () => {
  const sweep = negsim(['sweep', '--vary', 'actors.russia.pressure.0.strength=0.3:0.3:1', '--runs', '1000', '--json', '--workers', '1']);
  const run = negsim(['run', '--set', 'actors.russia.pressure.0.strength=0.3', '--runs', '1000', '--json', '--workers', '1']);
  assert.is(sweep.code, 0, sweep.err);
  const j = JSON.parse(sweep.out);
  assert.equal(j.vary[0].values, [0.3]);
  assert.equal(j.points[0].summary, JSON.parse(run.out));
});

test('--layout wide: one row a point with each metric and its _lo and _hi', () => {
  const r = negsim(['sweep', '--vary', 'model.lambda=10:30:20', '--runs', '1000', '--layout', 'wide', '--csv', join(dir, 'wide.csv'), '--quiet']);
  assert.is(r.code, 0, r.err);
  assert.is(r.err, '');
  const lines = readFileSync(join(dir, 'wide.csv'), 'utf8').split('\r\n');
  assert.is(lines.length, 4);
  const header = lines[0].split(',');
  assert.equal(header.slice(0, 8), ['model.lambda', 'runs', 'seed', 'scenario_sha256', 'overrides', 'outcome.agreement', 'outcome.agreement_lo', 'outcome.agreement_hi']);
  assert.ok(header.includes('withdraw.snc') && header.includes('aleppo_ceasefire.broken_by.both_hi'));
  assert.equal(lines.slice(1, 3).map((l) => l.split(',').slice(0, 3)), [['10', '1000', '1'], ['30', '1000', '1']]);
});

test('bad sweeps exit 1 with a message and no stack trace, before any run', () => {
  for (const [args, msg] of [
    [['sweep'], 'sweep needs at least one --vary'],
    [['sweep', '--vary', 'model.lambda=1:2:0.3'], 'does not divide the range 1..2'],
    [['sweep', '--vary', 'model.lambda=0:20000:1'], 'more than the 10000 points'],
    [['sweep', '--vary', 'actors.snc.beliefs.gov.sincere=0:2:1'], '--vary actors.snc.beliefs.gov.sincere=2: '],
    [['sweep', '--vary', 'actors.snc.beliefs.gov.sincre=0:1:1'], "did you mean 'actors.snc.beliefs.gov.sincere'?"],
    [['sweep', '--vary', 'model.lambda=1:2:1', '--set', 'model.lambda=3'], 'model.lambda is set twice'],
    [['sweep', '--vary', 'model.lambda=1:2:1', '--layout', 'tall'], 'Invalid values'],
    [['sweep', '--vary', 'model.lambda=1:2:1', '--csv', join(dir, 'no', 'such.csv')], 'cannot write --csv'],
  ] as [string[], string][]) {
    const r = negsim(args);
    assert.is(r.code, 1, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, msg, args.join(' '));
    assert.ok(noStack(r.err), r.err);
  }
});

test('run prints the survival chart in its table; --no-color and NO_COLOR give no escape codes, and --json is unchanged by it', () => {
  const r = negsim(['run', '--runs', '1000', '--no-color']);
  assert.is(r.code, 0, r.err);
  assert.match(r.out, 'Still talking at the start of each round (share of all runs)');
  assert.match(r.out, /\n {2}round 1 {2}█+/);
  assert.not.match(r.out, '\x1b[');
  assert.not.match(r.err, '\r', 'no progress bar when stderr is not a terminal');
  assert.not.match(negsim(['run', '--runs', '1000', '--json']).out, 'Still talking');
});

test.run();
