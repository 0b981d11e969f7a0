import { existsSync, readdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { availableParallelism } from 'node:os';
import { precisionRuns } from '../../src/cli/run.js';
import { negsim, noStack, tempDir, writeTemp } from './helpers.js';

const GOOD = `id: tiny
title: Tiny
rounds: 3
issues:
  x: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, capability: 0.5, position: { x: 20 } }
  b: { name: B, role: party, capability: 0.5, position: { x: 80 } }
`;

test('run with no file plays the bundled Geneva II scenario and prints the summary with its seed', () => {
  const r = negsim(['run', '--runs', '2000', '--quiet']);
  assert.is(r.code, 0, r.err);
  assert.match(r.out, 'Geneva II');
  assert.match(r.out, 'seed 1, 2000 runs');
  assert.match(r.out, /agreement\s+\d/);
});

test('--json prints scenario, seed, runs and outcomes whose p sum to 1, with per-actor and ceasefire details', () => {
  const r = negsim(['run', '--runs', '1500', '--seed', '4', '--json', '--quiet']);
  assert.is(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.is(j.seed, 4);
  assert.is(j.runs, 1500);
  assert.is(j.scenario.id, 'geneva-2014');
  const names = ['agreement', 'withdrawal', 'stalemate', 'no_talks'];
  const sum = names.reduce((a, k) => a + j.outcomes[k].p, 0);
  assert.ok(Math.abs(sum - 1) < 1e-12, String(sum));
  for (const k of names) assert.ok(j.outcomes[k].lo <= j.outcomes[k].p && j.outcomes[k].p <= j.outcomes[k].hi);
  assert.ok(j.actors.snc.attend.p > 0 && j.actors.snc.withdraw.p >= 0);
  assert.ok(j.measures.aleppo_ceasefire.fate.broken.p >= 0);
});

test('CSV outputs: summary, runs and rounds, RFC 4180 with a header, and the seed, the sha256 and the overrides on every row', () => {
  const dir = tempDir();
  const r = negsim(['run', '--runs', '1200', '--seed', '3', '--quiet',
    '--csv', join(dir, 's.csv'), '--runs-csv', join(dir, 'r.csv'), '--rounds-csv', join(dir, 'rd.csv')]);
  assert.is(r.code, 0, r.err);
  const s = readFileSync(join(dir, 's.csv'), 'utf8').split('\r\n').filter(Boolean);
  assert.is(s[0], 'metric,actor,estimate,lo,hi,n,seed,scenario_sha256,overrides');
  assert.ok(s.slice(1).every((l) => l.endsWith(',3,59c910ce21097dcb851e78dc9eb06ebb14fe5103682fc1316e2c868eed177cd9,')));
  const runs = readFileSync(join(dir, 'r.csv'), 'utf8').split('\r\n').filter(Boolean);
  assert.is(runs.length, 1201);
  assert.match(runs[0], /^run,seed,outcome,end_round,/);
  assert.match(runs[0], 'actors.snc.position.assad_role');
  assert.match(runs[1], /^0,3,/);
  assert.ok(runs.slice(1).every((l) => l.endsWith(',59c910ce21097dcb851e78dc9eb06ebb14fe5103682fc1316e2c868eed177cd9,')));
  const rounds = readFileSync(join(dir, 'rd.csv'), 'utf8').split('\r\n').filter(Boolean);
  assert.is(rounds.length, 1 + 8);
  assert.match(rounds[0], /^round,talking,/);
  assert.equal(readdirSync(dir).sort(), ['r.csv', 'rd.csv', 's.csv']);
});

const bad: [string, string[], RegExp][] = [
  ['a missing file', ['run', 'no/such/file.yaml'], /no\/such\/file\.yaml/],
  ['--runs 0', ['run', '--runs', '0'], /--runs must be a whole number from 1/],
  ['--runs abc', ['run', '--runs', 'abc'], /--runs must be a whole number.*'abc'/],
  ['--seed 1.5', ['run', '--seed', '1.5'], /--seed must be a whole number/],
  ['--workers zero', ['run', '--workers', '0'], /--workers must be a whole number from 1/],
  ['an unknown flag', ['run', '--rnus', '10'], /^negsim: unknown flag --rnus \(did you mean --runs\?\)\n/],
  ['an unknown command', ['rnu'], /^negsim: unknown command 'rnu' \(did you mean run\?\); the commands are run, /],
];
for (const [what, args, message] of bad) {
  test(`bad input, ${what}: a one-paragraph message, exit 1, no stack trace`, () => {
    const r = negsim(args);
    assert.is(r.code, 1, r.err);
    assert.match(r.err, message);
    assert.ok(noStack(r.err), r.err);
    assert.is(r.out, '');
  });
}

const badFiles: [string, string, RegExp][] = [
  ['a YAML syntax error', 'id: x\ntitle: [unclosed\n', /bad\.yaml:\d+:\d+/],
  ['an unknown key', GOOD.replace('capability: 0.5, position: { x: 20 }', 'capabilty: 0.5, position: { x: 20 }'), /capabilty.*\n.*capability/],
  ['a wrong type', GOOD.replace('rounds: 3', 'rounds: three'), /bad\.yaml:3:\d+.*rounds/],
  ['an out-of-range value', GOOD.replace('capability: 0.5, position: { x: 20 }', 'capability: 1.5, position: { x: 20 }'), /1\.5/],
  ['an unknown reference', GOOD.replace('position: { x: 80 }', 'position: { y: 80 }'), /'y'/],
];
for (const [what, text, message] of badFiles) {
  test(`bad scenario, ${what}: file:line:column, exit 1, no stack trace, no output file`, () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'bad.yaml', text);
    const r = negsim(['run', file, '--csv', join(dir, 'out.csv')]);
    assert.is(r.code, 1, r.err);
    assert.match(r.err, message);
    assert.ok(noStack(r.err), r.err);
    assert.not.ok(existsSync(join(dir, 'out.csv')), 'no output file');
    assert.equal(readdirSync(dir), ['bad.yaml']);
  });
}

test('an unwritable CSV path is refused before any run, leaving nothing behind', () => {
  const dir = tempDir();
  const r = negsim(['run', '--runs', '100', '--csv', join(dir, 'missing-folder', 'out.csv')]);
  assert.is(r.code, 1);
  assert.match(r.err, /cannot write --csv .*missing-folder/);
  assert.ok(noStack(r.err), r.err);
  const r2 = negsim(['run', '--runs', '100', '--csv', dir]);
  assert.is(r2.code, 1);
  assert.equal(readdirSync(dir), []);
});

test('a previous output survives a failed run that names it', () => {
  const dir = tempDir();
  const out = join(dir, 'keep.csv');
  writeFileSync(out, 'previous\n');
  const file = writeTemp(dir, 'bad.yaml', 'id: x\n');
  const r = negsim(['run', file, '--csv', out]);
  assert.is(r.code, 1);
  assert.is(readFileSync(out, 'utf8'), 'previous\n');
  chmodSync(dir, 0o755);
});

test('--max-minutes refuses, before it starts, a Monte Carlo expected to take longer, leaving nothing behind', () => {
  const dir = tempDir();
  const r = negsim(['run', '--runs', '100000000', '--max-minutes', '0.01', '--csv', join(dir, 'out.csv')]);
  assert.is(r.code, 1);
  assert.match(r.err, /100,000,000 runs with \d+ workers? would take about [\d.]+ (s|min|h) .*more than --max-minutes 0\.01/);
  assert.ok(noStack(r.err), r.err);
  assert.equal(readdirSync(dir), []);
  const bad = negsim(['run', '--max-minutes', 'soon']);
  assert.is(bad.code, 1);
  assert.match(bad.err, /--max-minutes must be a positive number of minutes/);
});

test('--set rounds and a ceasefire tolerance change the runs themselves: three rounds are played, and the output says so', () => {
  const r = negsim(['run', '--runs', '400', '--set', 'rounds=3', '--set', 'measures.aleppo_ceasefire.tolerance=1', '--json', '--quiet']);
  assert.is(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.scenario.overrides, { rounds: 3, 'measures.aleppo_ceasefire.tolerance': 1 });
  assert.equal(j.rounds.map((x: { round: number }) => x.round), [1, 2, 3]);
  assert.ok(j.end_round.median <= 3 && j.end_round.mean <= 3);
  const bad = negsim(['run', '--runs', '10', '--set', 'rounds=2.5']);
  assert.is(bad.code, 1);
  assert.match(bad.err, 'rounds takes a whole number');
});

test('--workers beyond the cores is capped at them, with a note; the results are the same bytes', () => {
  const cores = availableParallelism();
  const many = negsim(['run', '--runs', '1500', '--workers', '256', '--json']);
  assert.is(many.code, 0, many.err);
  assert.match(many.err, `negsim: --workers 256 is more than this machine's ${cores} core${cores === 1 ? '' : 's'}; using ${cores} (more threads would only cost start-up time and memory; the results are the same)\n`);
  assert.is(many.out, negsim(['run', '--runs', '1500', '--workers', '1', '--json']).out);
  assert.not.match(negsim(['run', '--runs', '10', '--workers', '256', '--quiet']).err, 'more than');
});

test('--precision announces the most runs it can need, not --max-runs: (z / 2E)^2 in whole blocks', () => {
  assert.is(precisionRuns(0.01), 10_000); // 1.96^2 / 0.0004 = 9604
  assert.is(precisionRuns(0.005), 39_000); // 38,415
  const r = negsim(['run', '--precision', '0.005', '--max-minutes', '0.0001', '--workers', '1']);
  assert.is(r.code, 1);
  assert.match(r.err, /^negsim: --precision 0\.005 \(at most 39,000 runs, fewer when the outcomes are far from 50%\) with 1 worker would take at most about \d+ s \(/);
});

test('a scenario from the tests runs too', () => {
  const dir = tempDir();
  const file = writeTemp(dir, 'good.yaml', GOOD);
  const r = negsim(['run', file, '--runs', '300', '--workers', '1']);
  assert.is(r.code, 0, r.err);
  assert.match(r.out, 'Tiny');
});

test.run();
