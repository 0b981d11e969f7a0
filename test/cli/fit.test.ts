/**
 * `negsim fit` as a user runs it (the built CLI): a planted parameter recovered within its interval, the
 * outputs (text, JSON, CSV, the params file) and --params on other commands, --cv end to end with the
 * same bytes for any number of workers, and bad input.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writePlanted } from '../fit/planted.js';
import { negsim, noStack, tempDir, writeTemp } from './helpers.js';

const PLANTED = 20;
const planted = tempDir();
const cases = join(planted, 'cases');
const ready = (async () => {
  mkdirSync(cases);
  await writePlanted(cases, 8, PLANTED, 'planted-answers');
})();

test('a planted lambda is recovered: answers drawn from the model at lambda 20, negsim fit finds it within its 95% interval', async () => {
  await ready;
  const out = join(planted, 'lambda.json');
  const r = negsim(['fit', cases, '--only', 'lambda', '--runs', '300', '--seed', '7', '--workers', '1', '--json', '--out', out]);
  assert.is(r.code, 0, r.err);
  const p = JSON.parse(r.out);
  const l = p.parameters.lambda;
  assert.ok(l.identified);
  assert.ok(l.lo <= PLANTED && PLANTED <= l.hi, `planted ${PLANTED}, fitted ${l.value} [${l.lo}, ${l.hi}]`);
  assert.ok(l.lo <= l.value && l.value <= l.hi);
  // informative, not the whole range: 2 and 60 both lie outside it (the search started from the default)
  assert.is(l.start, 7.05);
  assert.ok(l.lo > 2 && l.hi < 60, `[${l.lo}, ${l.hi}]`);
  assert.ok(p.objective.fitted < p.objective.start, 'the fit improves on the default');
  assert.equal([p.seed, p.runs, p.record.cases.length, p.record.questions], [7, 300, 8, 48]);
  assert.is(readFileSync(out, 'utf8'), r.out, '--out holds what --json printed');
  assert.match(r.err, /negsim fit: 1 parameter on 8 cases \(48 questions\), 300 runs a case, 1 worker: one evaluation of every case takes \d+\.\d s; at most 40 for the search and 3 for the intervals: at most about \d+ s/);
});

test('the text: what was fitted, the objective, one row a parameter with its interval, within 80 columns; --csv one row a parameter', async () => {
  await ready;
  const dir = tempDir();
  const r = negsim(['fit', cases, '--only', 'lambda,miss', '--runs', '100', '--workers', '1', '--max-evaluations', '12',
    '--out', join(dir, 'p.json'), '--csv', join(dir, 'p.csv')]);
  assert.is(r.code, 0, r.err);
  assert.match(r.out, /^negsim fit: 8 cases, 48 questions \(record sha256 [0-9a-f]{12}\)\nseed 1, 100 runs a case at each evaluation\n/);
  assert.match(r.out, /\nNelder-Mead: 12 evaluations \(the budget, --max-evaluations 12; not converged\)\n/);
  assert.match(r.out, /\nlambda +\d+(\.\d+)? +(\[\S+, \S+\]|not identified) +7\.05 +0\.5-200 \(log\)\n/);
  assert.match(r.out, /\nmiss +\S+ +(\[\S+, \S+\]|not identified) +0\.2 +0-0\.6\n/);
  for (const l of r.out.split('\n')) assert.ok(l.length <= 80, l);
  const rows = readFileSync(join(dir, 'p.csv'), 'utf8').split('\r\n');
  assert.is(rows[0], 'parameter,value,lo,hi,identified,start,bound_lo,bound_hi,scale,log_loss,log_loss_start,evaluations,converged,cases,questions,record_sha256,seed,runs');
  assert.equal(rows.slice(1, 3).map((l) => l.split(',')[0]), ['lambda', 'miss']);
  const f = rows[1].split(',');
  assert.equal([f[11], f[12], f[13], f[14], f[16], f[17]], ['12', '0', '8', '48', '1', '100']);
  assert.match(f[15], /^[0-9a-f]{64}$/);
  assert.equal(readdirSync(dir).sort(), ['p.csv', 'p.json'], 'no temporary file left');
});

test('--params F applies the fitted values as model defaults: run lists them as overrides; a file\'s own model key wins', async () => {
  await ready;
  const dir = tempDir();
  const params = join(dir, 'p.json');
  writeFileSync(params, JSON.stringify({ format: 'negsim-params/1', parameters: { lambda: { value: 33.5 }, miss: { value: 0.1 } } }));
  const r = negsim(['run', join(cases, 'planted-0.yaml'), '--runs', '50', '--workers', '1', '--params', params, '--json']);
  assert.is(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).scenario.overrides, { 'model.lambda': 33.5, 'model.miss': 0.1 });
  // the same file with model: { lambda: 5 }: its lambda stays, miss follows the params
  const own = writeTemp(dir, 'own.yaml', readFileSync(join(cases, 'planted-0.yaml'), 'utf8').replace('rounds: 3', 'rounds: 3\nmodel: { lambda: 5 }'));
  const o = negsim(['run', own, '--runs', '50', '--workers', '1', '--params', params, '--json']);
  assert.is(o.code, 0, o.err);
  assert.equal(JSON.parse(o.out).scenario.overrides, { 'model.miss': 0.1 });
  // --set wins over --params
  const s = negsim(['run', join(cases, 'planted-0.yaml'), '--runs', '50', '--workers', '1', '--params', params, '--set', 'model.lambda=2', '--json']);
  assert.equal(JSON.parse(s.out).scenario.overrides, { 'model.lambda': 2, 'model.miss': 0.1 });
  // backtest says what it ran with
  const b = negsim(['backtest', cases, '--runs', '50', '--workers', '1', '--params', params, '--json', '-q']);
  assert.is(b.code, 0, b.err);
  assert.equal(JSON.parse(b.out).params, { lambda: 33.5, miss: 0.1 });
});

test('--cv end to end: leave one case out and by time, four forecasters, CSVs; the same bytes with 1 and 2 workers', async () => {
  await ready;
  const outs = [1, 2].map((w) => {
    const dir = tempDir();
    const r = negsim(['fit', cases, '--only', 'lambda', '--runs', '100', '--cv', '--score-runs', '200', '--years', '2004,2030', '--workers', String(w),
      '--out', join(dir, 'p.json'), '--csv', join(dir, 'cv.csv'), '--scores-csv', join(dir, 's.csv'), '--reliability-csv', join(dir, 'r.csv')]);
    assert.is(r.code, 0, r.err);
    return { r, dir };
  });
  const [a, b] = outs;
  assert.is(a.r.out, b.r.out);
  for (const f of ['p.json', 'cv.csv', 's.csv', 'r.csv']) assert.is(readFileSync(join(a.dir, f), 'utf8'), readFileSync(join(b.dir, f), 'utf8'), f);
  const t = a.r.out;
  for (const l of t.split('\n')) assert.ok(l.length <= 80, l);
  const flat = t.replace(/\s+/g, ' ');
  assert.match(flat, / Leave one case out: 8 folds, each fitted on 7 cases \(approximate leave-one-out: one Newton step from the full fit\) /);
  assert.match(flat, / By time: fitted on the 3 cases before 2004 \(\d+ evaluations, from the defaults\), scored on the 5 cases from 2004 on /);
  assert.not.match(t, /before 2030/, 'no case from 2030 on: that year is skipped');
  for (const f of ['negsim', 'always 0.5', 'base rate', 'logistic \\(kind\\)']) assert.match(t, new RegExp(`\\n${f} +48 +`));
  assert.match(t, /\nalways 0\.5 +48 +0\.2500 +0\.693 /);
  const csv = readFileSync(join(a.dir, 'cv.csv'), 'utf8').split('\r\n');
  assert.is(csv[0], 'design,forecaster,case,question,ask,as_of,attendance,p,observed,brier,logloss,seed,runs,score_runs');
  // leave one case out: 4 forecasters x 48 questions; before 2004: 4 x 30
  assert.is(csv.length - 2, 4 * 48 + 4 * 30);
  assert.ok(csv.slice(1, -1).every((l) => l.endsWith(',1,100,200')));
  const scores = readFileSync(join(a.dir, 's.csv'), 'utf8').split('\r\n');
  assert.is(scores[0], 'design,group,key,n,yes,negsim_brier,half_brier,base_rate_brier,logistic_brier,negsim_logloss,half_logloss,base_rate_logloss,logistic_logloss,seed,runs,score_runs');
  assert.match(scores[1], /^case_out,all,,48,\d+,/);
  const rel = readFileSync(join(a.dir, 'r.csv'), 'utf8').split('\r\n');
  assert.is(rel.length - 2, 2 * 4 * 10, 'two designs, four forecasters, ten tenths');
});

test('bad input: a clear message, exit 1, no stack, nothing written', async () => {
  await ready;
  const dir = tempDir();
  const cases1 = [
    [['fit'], /name the cases to fit on/],
    [['fit', cases, '--only', 'lamda'], /--only: 'lamda' is not a fitted parameter; did you mean lambda\?/],
    [['fit', cases, '--years', '99'], /--years must list years/],
    [['fit', cases, '--scores-csv', join(dir, 's.csv')], /--scores-csv scores the cross-validation; give --cv too/],
    [['fit', join(cases, 'planted-0.yaml')], /only one file given has an observed: block; a fit needs at least two cases/],
    [['fit', cases, '--runs', '0'], /--runs must be a whole number/],
    [['fit', cases, '--out', join(cases, 'planted-1.yaml')], /--out .* is the scenario .*negsim never writes over a file it reads/],
    [['run', join(cases, 'planted-0.yaml'), '--params', join(dir, 'none.json')], /--params .*none\.json: no such file/],
  ] as const;
  for (const [argv, message] of cases1) {
    const r = negsim([...argv], { cwd: dir });
    assert.is(r.code, 1, `${argv.join(' ')}: ${r.err}`);
    assert.match(r.err, message);
    assert.ok(noStack(r.err), r.err);
  }
  const bad = writeTemp(dir, 'bad.json', JSON.stringify({ format: 'negsim-params/1', parameters: { lamda: { value: 3 } } }));
  const r = negsim(['run', join(cases, 'planted-0.yaml'), '--params', bad]);
  assert.is(r.code, 1);
  assert.match(r.err, /parameters\.lamda is not a model parameter; did you mean lambda\?/);
  const range = writeTemp(dir, 'range.json', JSON.stringify({ format: 'negsim-params/1', parameters: { miss: { value: 3 } } }));
  assert.match(negsim(['run', join(cases, 'planted-0.yaml'), '--params', range]).err, /parameters\.miss\.value must be a number in \[0, 1\], got 3/);
  assert.equal(readdirSync(dir).sort(), ['bad.json', 'range.json'], 'no params.json, no temporary file');
});

test.run();
