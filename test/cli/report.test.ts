import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dataCells, mismatches } from '../report/html/cells.js';
import { HOSTILE_YAML } from '../report/html/hostile.js';
import { DECIDED_YAML } from '../sim/fixtures.js';
import { negsim, noStack, tempDir, writeTemp } from './helpers.js';

test('negsim report: every outcome, attendance and withdrawal number of the HTML equals run --json\'s with the same seed and runs', () => {
  const dir = tempDir();
  const out = join(dir, 'r.html');
  const rep = negsim(['report', '--runs', '600', '--seed', '11', '--workers', '2', '--out', out, '--json']);
  assert.is(rep.code, 0, rep.err);
  const run = negsim(['run', '--runs', '600', '--seed', '11', '--workers', '1', '--json']);
  assert.is(run.code, 0, run.err);
  assert.is(rep.out, run.out); // report prints what run prints
  assert.is(rep.err, `negsim: report written to ${out}\n`);
  const json = JSON.parse(run.out) as { outcomes: Record<string, unknown>; actors: Record<string, { role: string }>; rounds: unknown[] };
  const html = readFileSync(out, 'utf8');
  assert.equal(mismatches(html, json), []);
  const paths = new Set(dataCells(html).map((c) => c.path));
  const parties = Object.entries(json.actors).filter(([, a]) => a.role === 'party').map(([id]) => id);
  assert.equal(parties, ['gov', 'snc']);
  const want = [
    ...Object.keys(json.outcomes).map((o) => `outcomes.${o}`),
    ...parties.flatMap((id) => ['attend', 'withdraw', 'withdraw_on_exit'].map((m) => `actors.${id}.${m}`)),
    ...json.rounds.flatMap((_, i) => ['talking', 'withdrawal_hazard', ...parties.map((id) => `withdrawal_by.${id}`)].map((m) => `rounds.${i}.${m}`)),
  ];
  for (const p of want) assert.ok(paths.has(p), p);
  assert.ok(html.includes('<dt>Seed</dt><dd>11</dd>') && html.includes('<dt>Runs</dt><dd>600</dd>'));
});

test('with no file and no --out: the bundled scenario, written to results/<id>.html (the folder made if need be)', () => {
  const dir = tempDir();
  const r = negsim(['report', '--runs', '100', '--seed', '2', '--workers', '1'], { cwd: dir });
  assert.is(r.code, 0, r.err);
  assert.match(r.out, /^Geneva II, Montreux, 22 January 2014\n/);
  assert.is(r.err, `negsim: report written to ${join('results', 'geneva-2014.html')}\n`);
  const html = readFileSync(join(dir, 'results', 'geneva-2014.html'), 'utf8');
  assert.ok(html.startsWith('<!doctype html>'));
  assert.ok(html.includes('<h1>Geneva II, Montreux, 22 January 2014</h1>'));
  const quiet = negsim(['report', '--runs', '100', '--seed', '2', '--workers', '1', '--quiet'], { cwd: dir });
  assert.is(quiet.err, '');
  assert.is(readFileSync(join(dir, 'results', 'geneva-2014.html'), 'utf8'), html); // same command, same bytes
});

test('a folder that does not exist, a folder as --out, or --shard: exit 1, a message, nothing written', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'sub'));
  for (const [args, message] of [
    [['--out', join(dir, 'nope', 'r.html')], /cannot write --out .*nope.*r\.html: folder .*nope does not exist/],
    [['--out', join(dir, 'sub')], /cannot write --out .*sub: it is a folder/],
    [['--shard', '1/2'], /--shard does not go with report/],
    [['--out', join(dir, 'x.html'), '--csv', join(dir, 'x.html')], /--csv .*x\.html and --out .*x\.html are the same file/],
  ] as [string[], RegExp][]) {
    const r = negsim(['report', '--runs', '50', ...args], { cwd: dir });
    assert.is(r.code, 1, args.join(' '));
    assert.match(r.err, message);
    assert.ok(noStack(r.err));
    assert.is(r.out, '');
  }
  assert.not.ok(existsSync(join(dir, 'results')));
  assert.not.ok(existsSync(join(dir, 'x.html')));
});

test('compare --report: stdout as without it; the report\'s numbers are compare --json\'s', () => {
  const dir = tempDir();
  const out = join(dir, 'c.html');
  const plain = negsim(['compare', '--seeds', '1..2', '--runs', '300', '--workers', '1', '--json']);
  const rep = negsim(['compare', '--seeds', '1..2', '--runs', '300', '--workers', '1', '--json', '--report', out]);
  assert.is(rep.code, 0, rep.err);
  assert.is(rep.out, plain.out);
  assert.is(rep.err, `negsim: report written to ${out}\n`);
  const html = readFileSync(out, 'utf8');
  assert.equal(mismatches(html, JSON.parse(plain.out)), []);
  assert.ok(dataCells(html).some((c) => c.path === 'seeds.1.outcomes.withdrawal'));
  const bad = negsim(['compare', '--seeds', '1..2', '--runs', '10', '--report', '']);
  assert.is(bad.code, 1);
  assert.match(bad.err, /--report needs a file name/);
});

test('sweep --report: stdout as without it; the report\'s numbers are sweep --json\'s', () => {
  const dir = tempDir();
  const out = join(dir, 's.html');
  const args = ['sweep', '--vary', 'actors.snc.beliefs.gov.sincere=0.2:0.6:0.4', '--runs', '200', '--workers', '1', '--json'];
  const plain = negsim(args);
  const rep = negsim([...args, '--report', out, '--quiet']);
  assert.is(rep.code, 0, rep.err);
  assert.is(rep.out, plain.out);
  assert.is(rep.err, '');
  const html = readFileSync(out, 'utf8');
  assert.equal(mismatches(html, JSON.parse(plain.out)), []);
  assert.ok(dataCells(html).some((c) => c.path === 'points.1.summary.outcomes.agreement'));
});

test('a scenario from a stranger: its strings reach the report as text, never as markup', () => {
  const dir = tempDir();
  const file = writeTemp(dir, 'hostile.yaml', HOSTILE_YAML);
  const out = join(dir, 'h.html');
  const r = negsim(['report', file, '--runs', '100', '--workers', '1', '--out', out, '--quiet']);
  assert.is(r.code, 0, r.err);
  const html = readFileSync(out, 'utf8');
  assert.not.match(html, /<(script|img|b|i|u|a)\b/i);
  assert.ok(html.includes('<h1>Talks &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;</h1>'));
});

test('the report\'s "run it again" command quotes the file name for the shell: x;echo INJECTED;#.yaml stays one word', () => {
  const dir = tempDir();
  const name = 'x;echo INJECTED;#.yaml';
  writeTemp(dir, name, readFileSync('scenarios/geneva-2014.yaml', 'utf8'));
  writeTemp(dir, 'geneva-ii-ap-article.txt', readFileSync('scenarios/geneva-ii-ap-article.txt', 'utf8'));
  const r = negsim(['report', name, '--runs', '100', '--workers', '1', '--quiet', '--out', 'r.html', '--set', "model.lambda={uniform: [5, 10]}"], { cwd: dir });
  assert.is(r.code, 0, r.err);
  const html = readFileSync(join(dir, 'r.html'), 'utf8');
  const m = /<dt>Run it again<\/dt><dd><code>([^<]*)<\/code>/.exec(html);
  assert.ok(m, 'a run-it-again command');
  const command = m![1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  assert.is(command, "negsim report 'x;echo INJECTED;#.yaml' --seed 1 --runs 100 --set 'model.lambda={uniform: [5, 10]}'");
  // what a shell makes of it: the same words, and nothing run
  const words = spawnSync('sh', ['-c', command.replace(/^negsim /, "printf '%s\\n' ")], { encoding: 'utf8' }).stdout.split('\n').slice(0, -1);
  assert.equal(words, ['report', name, '--seed', '1', '--runs', '100', '--set', 'model.lambda={uniform: [5, 10]}']);
});

test('report --explain: the run\'s report with what drives the forecast, its counterfactuals paired with the report\'s own runs and seed', () => {
  const dir = tempDir();
  const file = writeTemp(dir, 'decided.yaml', DECIDED_YAML);
  const out = join(dir, 'r.html');
  const r = negsim(['report', file, '--runs', '400', '--seed', '3', '--workers', '1', '--out', out, '--explain', '--explain-runs', '32', '--explain-inner', '2']);
  assert.is(r.code, 0, r.err);
  const html = readFileSync(out, 'utf8');
  assert.ok(html.includes('<section id="explain">') && html.includes('data-chart="sensitivity"'));
  assert.ok(html.includes('400 runs of the scenario and of each counterfactual, seed 3'));
  assert.ok(html.includes('--explain --explain-runs 32 --explain-inner 2 --explain-group preference'));
  const wrong = negsim(['report', file, '--explain-runs', '32', '--out', join(dir, 'x.html')]);
  assert.is(wrong.code, 1);
  assert.match(wrong.err, 'give --explain too');
  const precise = negsim(['report', file, '--explain', '--precision', '0.01', '--out', join(dir, 'x.html')]);
  assert.is(precise.code, 1);
  assert.match(precise.err, '--precision decides the run count as it goes');
  assert.ok(noStack(wrong.err) && noStack(precise.err));
  assert.not.ok(existsSync(join(dir, 'x.html')));
});

test.run();
