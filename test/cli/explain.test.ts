import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DECIDED_YAML } from '../sim/fixtures.js';
import { negsim, noStack, tempDir, writeTemp } from './helpers.js';

const dir = tempDir();
const file = writeTemp(dir, 'decided.yaml', DECIDED_YAML);
const small = ['--runs', '256', '--inner', '4', '--cf-runs', '300', '--seed', '5'];

test('negsim explain FILE: the text, the same bytes with one or two workers; what decides the talks ranked first, in a sentence with its quotation', () => {
  const one = negsim(['explain', file, ...small, '--workers', '1']);
  assert.is(one.code, 0, one.err);
  const two = negsim(['explain', file, ...small, '--workers', '2']);
  assert.is(two.out, one.out);
  assert.ok(one.out.startsWith('What drives the forecast: One input decides whether the talks happen\n'));
  // (the sentence is wrapped at 80 columns)
  assert.match(one.out.replace(/\n +/g, ' '), /P\(no talks\) hinges on the inclination of A to attend \('A will come only if it decides to'\): \d+\.\d% of its variance alone, \d+\.\d% with its interactions\./);
  assert.match(one.out, /\nno_talks: [\d.]+% of runs; chance carries [\d.]+% \[[\d.]+%, [\d.]+%\] of a run's variance\n {2}# {2}input +first order +total\n {2}1 {2}a: inclination to attend /);
  assert.match(one.out.replace(/\n/g, ' '), 'seed 5, seedrandom.xor4096. Sensitivity: 256 rows x 5 evaluations x 4 runs = 5,120 runs');
  for (const l of one.out.split('\n')) assert.ok(l.length <= 80, l);
  assert.is(one.err, ''); // a few seconds' work says nothing on stderr, and no progress bar off a terminal
});

test('--json, --csv and --report: one explanation, every output with the seed and the runs; written together', () => {
  const csv = join(dir, 'e.csv'), html = join(dir, 'e.html');
  const r = negsim(['explain', file, ...small, '--workers', '1', '--json', '--csv', csv, '--report', html]);
  assert.is(r.code, 0, r.err);
  assert.is(r.err, `negsim: report written to ${html}\n`);
  const e = JSON.parse(r.out);
  assert.equal([e.seed, e.sensitivity.runs, e.sensitivity.inner, e.counterfactual.runs, e.scenario.file], [5, 256, 4, 300, 'decided.yaml']);
  assert.is(e.sensitivity.outcomes.find((o: { outcome: string }) => o.outcome === 'no_talks').indices[0].input, 'actors.a.preferences.0');
  const rows = readFileSync(csv, 'utf8').split('\r\n').filter(Boolean);
  assert.is(rows[0], 'view,outcome,input,label,statistic,estimate,lo,hi,n,inner,seed,scenario_sha256,overrides,quote');
  for (const row of rows.slice(1)) assert.match(row, /,5,[0-9a-f]{64},/);
  const page = readFileSync(html, 'utf8');
  assert.ok(page.includes('data-chart="sensitivity"') && page.includes('data-chart="counterfactual"'));
  assert.ok(page.includes('--seed 5 --runs 256 --inner 4 --cf-runs 300 --group preference'));
});

test('bad flags and outputs: a message saying what to do, exit 1, no stack, nothing written', () => {
  const cases: [string[], RegExp][] = [
    [['--inner', '1'], /--inner must be a whole number from 2 to 100000; got '1'/],
    [['--runs', '1'], /--runs must be a whole number from 2/],
    [['--group', 'actor'], /--group must be preference or number; got 'actor'/],
    [['--cf-runs', '-3'], /--cf-runs must be a whole number from 0/],
    [['--csv', file], /--csv .*decided.yaml is the scenario .*: negsim never writes over a file it reads/],
    [['--max-minutes', '0.00001'], /would take about .* more than --max-minutes 0.00001\. Ask for fewer --runs/],
  ];
  for (const [flags, message] of cases) {
    const r = negsim(['explain', file, '--workers', '1', ...flags]);
    assert.is(r.code, 1, flags.join(' '));
    assert.match(r.err, message);
    assert.ok(noStack(r.err), r.err);
  }
  assert.ok(!existsSync(join(dir, 'never.csv')));
  const bad = writeTemp(dir, 'bad.yaml', DECIDED_YAML.replace('rounds: 3', 'rounds: -3'));
  const r = negsim(['explain', bad, '--csv', join(dir, 'never.csv')]);
  assert.is(r.code, 1);
  assert.match(r.err, /bad\.yaml:\d+:\d+: error: /);
  assert.ok(!existsSync(join(dir, 'never.csv')));
});

test('the bundled Geneva II by default; a job longer than a few seconds says how long first', () => {
  const r = negsim(['explain', '--runs', '4', '--inner', '2', '--cf-runs', '0', '--workers', '1', '--max-minutes', '60']);
  assert.is(r.code, 0, r.err);
  assert.ok(r.out.startsWith('What drives the forecast: Geneva II, Montreux, 22 January 2014\n'));
  assert.not.ok(r.out.includes('Counterfactuals'));
  const long = negsim(['explain', '--runs', '100000', '--max-minutes', '0.01']);
  assert.is(long.code, 1);
  assert.match(long.err, /^negsim: [\d,]+ runs \(the design 60,800,000, the counterfactuals 130,000\) with \d+ workers? would take about /);
});

test.run();
