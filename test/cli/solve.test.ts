import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { QreFixture } from '../../src/model/normal-form.js';
import { negsim, noStack, tempDir, writeTemp } from './helpers.js';

const fixtureDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'qre');

test('negsim solve reproduces a Gambit fixture to 1e-6 and prints gambit-logit -q -e -d 10 lines', () => {
  const fixture = JSON.parse(readFileSync(join(fixtureDir, 'attend-3p.json'), 'utf8')) as QreFixture;
  const point = fixture.qre[fixture.qre.length - 1];
  const r = negsim(['solve', join(fixtureDir, 'attend-3p.nfg'), '--lambda', String(point.reported_lambda), '--nash']);
  assert.is(r.code, 0, r.err);
  const lines = r.out.trimEnd().split('\n');
  assert.is(lines.length, 3);
  const cells = lines[0].split(',');
  assert.match(cells[0], /^\d+\.\d{10}$/);
  const want = point.strategies.flat();
  cells.slice(1).forEach((c, j) => assert.ok(Math.abs(Number(c) - want[j]) < 1e-6, `${c} vs ${want[j]}`));
  assert.equal(lines.slice(1), ['NE,1,0,1,0,1,0', 'NE,0,1,0,1,0,1']);
});

test('negsim solve --branch ends at lambda; a game without pure equilibria says so on stderr', () => {
  const r = negsim(['solve', join(fixtureDir, 'random-3p-3a.nfg'), '--lambda', '2', '--branch', '--nash']);
  assert.is(r.code, 0, r.err);
  const lines = r.out.trimEnd().split('\n');
  assert.ok(lines[0].startsWith('0.0000000000,'));
  assert.ok(lines[lines.length - 1].startsWith('2.0000000000,'));
  assert.match(r.err, /no pure-strategy Nash equilibrium/);
});

test('a malformed .nfg file: exit 1, file:line:column and what was expected, no stack trace', () => {
  const dir = tempDir();
  const file = writeTemp(dir, 'bad.nfg', 'NFG 1 R "x" { "a" "b" }\n{ 2 2 }\n1 2 3 x\n');
  const r = negsim(['solve', file, '--lambda', '1']);
  assert.is(r.code, 1);
  assert.ok(r.err.includes(`${file}:3:7: error: expected payoff 4 of 8`), r.err);
  assert.ok(noStack(r.err));
  assert.is(r.out, '');
});

test('bad flags and missing files: exit 1 with a message saying what to do', () => {
  const game = join(fixtureDir, 'ceasefire-pd.nfg');
  for (const [args, message] of [
    [['solve'], /name a game file/],
    [['solve', game], /--lambda L .*--nash/],
    [['solve', game, '--lambda', 'x'], /--lambda must be a number/],
    [['solve', game, '--lambda', '-1'], /--lambda must be a number/],
    [['solve', game, '--nash', '--branch'], /--branch needs --lambda/],
    [['solve', '/nonexistent/game.nfg', '--lambda', '1'], /not found/],
  ] as [string[], RegExp][]) {
    const r = negsim(args);
    assert.is(r.code, 1, args.join(' '));
    assert.match(r.err, message);
    assert.ok(noStack(r.err));
  }
});

test('at the largest lambda the flag allows every fixture is answered: random-3p-3a at 1e6 sits 2e-7 from its mixed equilibrium', () => {
  for (const file of readdirSync(fixtureDir).filter((f) => f.endsWith('.nfg')).sort()) {
    const r = negsim(['solve', join(fixtureDir, file), '--lambda', '1e6']);
    assert.is(r.code, 0, `${file}: ${r.err}`);
    assert.ok(r.out.startsWith('1000000.0000000000,'), r.out);
  }
  const r = negsim(['solve', join(fixtureDir, 'random-3p-3a.nfg'), '--lambda', '1e6']);
  const p = r.out.trim().split(',').map(Number);
  // Players 0 and 2 mix their last two strategies (the equilibrium: 0.5176194205 and 0.8899082569).
  assert.ok(Math.abs(p[3] - 0.5176194205) < 3e-7 && Math.abs(p[9] - 0.8899082569) < 3e-7, r.out);
  const attend = negsim(['solve', join(fixtureDir, 'attend-3p.nfg'), '--lambda', '2000']);
  assert.equal([attend.code, attend.out], [0, '2000.0000000000,0,1,0,1,0,1\n']);
});

test('payoffs of +-5e307 at lambda 5 (lambda x payoff range overflows): exit 1, the limit named, no stack trace', () => {
  const file = writeTemp(tempDir(), 'huge.nfg', 'NFG 1 R "pennies" { "A" "B" } { 2 2 }\n5e307 -5e307 -5e307 5e307 -5e307 5e307 5e307 -5e307\n');
  const r = negsim(['solve', file, '--lambda', '5']);
  assert.is(r.code, 1);
  assert.ok(r.err.includes(`${file}: no answer at lambda = 5 (lambda x payoff range = 5 x 1.000e+308, more than the largest double)`), r.err);
  assert.match(r.err, /beyond 1e15 nothing is traced.*lower lambda/s);
  assert.ok(noStack(r.err));
  assert.is(r.out, '');
});

test('payoffs of +-1e14: a dominance-solvable game prints its exact point, a degenerate one is refused (exit 1), never a wrong point', () => {
  const dir = tempDir();
  const pd = writeTemp(dir, 'pd.nfg', 'NFG 1 R "PD" { "A" "B" } { 2 2 }\n3e14 3e14 5e14 0 0 5e14 1e14 1e14\n');
  assert.equal(negsim(['solve', pd, '--lambda', '1']).out, '1.0000000000,0,1,0,1\n');
  // Before: "1.0000000000,0.5,0.5,0.5,0.5", exit 0, a point whose fixed-point residual is 0.5.
  const weak = writeTemp(dir, 'weak.nfg', 'NFG 1 R "weak" { "A" "B" } { 2 2 }\n-1e14 1e14 1e14 -1e14 1e14 -1e14 1e14 1e14\n');
  const r = negsim(['solve', weak, '--lambda', '1']);
  assert.is(r.code, 1);
  assert.ok(r.err.includes(`${weak}: no answer at lambda = 1 (lambda x payoff range = 2.000e+14)`), r.err);
  assert.match(r.err, /Above lambda x payoff range = 1e8 rounding leaves only nearly pure profiles/);
  assert.ok(noStack(r.err));
  assert.is(r.out, '');
});

test('--branch to lambda 1e5 ends at 1e5 with the point solve prints', () => {
  const game = join(fixtureDir, 'random-3p-3a.nfg');
  const branch = negsim(['solve', game, '--lambda', '1e5', '--branch']);
  assert.is(branch.code, 0, branch.err);
  const lines = branch.out.trimEnd().split('\n');
  assert.ok(lines.length > 50 && lines.length <= 2000, `${lines.length} lines`);
  assert.is(lines[lines.length - 1] + '\n', negsim(['solve', game, '--lambda', '1e5']).out);
});

test.run();
