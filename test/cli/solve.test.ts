import { readFileSync } from 'node:fs';
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

test.run();
