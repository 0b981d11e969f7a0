import Ajv from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { negsim, tempDir } from './helpers.js';

/** Lines longer than 80 characters (code points, as a terminal counts them). */
const wide = (text: string) => text.split('\n').filter((l) => [...l].length > 80);

test('negsim schema prints a JSON Schema that editors and validators can use', () => {
  const r = negsim(['schema']);
  assert.is(r.code, 0, r.err);
  const schema = JSON.parse(r.out);
  assert.ok(schema.properties.actors);
  const ajv = new Ajv.default({ strict: false });
  assert.ok(ajv.compile(schema));
});

test('--help lists every command; --version prints the version', () => {
  const r = negsim(['--help']);
  assert.is(r.code, 0);
  for (const c of ['run', 'validate', 'trace', 'schema']) assert.match(r.out, `negsim ${c}`);
  assert.match(negsim(['--version']).out, /^\d+\.\d+\.\d+/);
});

test('no command: exit 1 with a hint', () => {
  const r = negsim([]);
  assert.is(r.code, 1);
  assert.match(r.err, /name a command/);
});

test('did you mean: an unknown command or flag gets the nearest one, each unknown flag named once', () => {
  const cmd = negsim(['rnu']);
  assert.is(cmd.code, 1);
  assert.match(cmd.err, "negsim: unknown command 'rnu' (did you mean run?); the commands are run,");
  const flag = negsim(['run', '--max-minutez', '3']);
  assert.is(flag.err, 'negsim: unknown flag --max-minutez (did you mean --max-minutes?)\nSee negsim --help, or negsim <command> --help.\n');
});

test('--help of every command fits 80 columns, and each example command stays whole on its line', () => {
  for (const c of ['', 'run', 'compare', 'sweep', 'report', 'explain', 'merge', 'validate', 'trace', 'solve', 'forecast', 'backtest', 'schema']) {
    const r = negsim([...(c ? [c] : []), '--help']);
    assert.is(r.code, 0, c);
    assert.equal(wide(r.out), [], `negsim ${c} --help`);
  }
  assert.match(negsim(['backtest', '--help']).out, '\n  negsim backtest scenarios/geneva-2014.yaml --runs 2000 --csv backtest.csv\n      one scenario, its questions also as CSV\n');
  assert.match(negsim(['solve', '--help']).out, '\n  negsim solve game.nfg --lambda 10 --branch\n      the principal branch from 0 to 10\n');
  assert.match(negsim(['forecast', '--help']).out, '\n  negsim forecast scenarios/geneva-2014.yaml --model negsim\n');
});

test('every command\'s terminal output fits 80 columns, even with ids, names and a title longer than a line', () => {
  // Geneva II with 50- and 60-character ids and a 120-character title: what a table must abbreviate or wrap
  const dir = tempDir();
  const text = readFileSync('scenarios/geneva-2014.yaml', 'utf8')
    .replace(/\bgov\b/g, 'government_of_the_syrian_arab_republic_delegation')
    .replace(/\baleppo_ceasefire\b/g, 'aleppo_ceasefire_under_the_governments_security_arrangements_x')
    .replace(/\bdetainee_exchange\b/g, 'exchange_of_detainees_as_a_confidence_building_measure_before')
    .replace(/^title: .*$/m, 'title: The Geneva II conference on Syria in Montreux and Geneva, a title much longer than any terminal line, 22 January 2014');
  writeFileSync(join(dir, 'wide.yaml'), text);
  copyFileSync('scenarios/geneva-ii-ap-article.txt', join(dir, 'geneva-ii-ap-article.txt'));
  const part = join(dir, 'part.json');
  const mc = ['--runs', '1000', '--workers', '1', '--quiet'];
  const commands = [
    ['run', 'wide.yaml', '--set', 'actors.snc.capability={uniform: [0.4, 0.6]}', '--set', 'model.lambda=10', '--set', 'model.discount=0.85', ...mc],
    ['compare', 'wide.yaml', '--seeds', '1..3', ...mc],
    ['compare', 'wide.yaml', '--set', 'model.lambda=3', ...mc],
    ['compare', 'wide.yaml', 'wide.yaml', 'wide.yaml', 'wide.yaml', ...mc],
    ['sweep', 'wide.yaml', '--vary', 'model.lambda=5:10:5', '--vary', 'actors.snc.capability=0.4:0.6:0.2', '--vary', 'model.discount=0.8:0.9:0.1', '--vary', 'actors.snc.flexibility=0.1:0.2:0.1', ...mc],
    ['backtest', ...mc],
    ['backtest', 'wide.yaml', ...mc],
    ['trace', 'wide.yaml', '--run', '2'],
    ['explain', 'wide.yaml', '--runs', '8', '--inner', '2', '--cf-runs', '200', '--workers', '1', '--quiet'],
    ['forecast', 'wide.yaml', ...mc],
    ['run', 'wide.yaml', '--shard', '1/1', '--out', part, ...mc],
    ['merge', part],
  ];
  for (const c of commands) {
    const r = negsim(c, { cwd: dir });
    assert.is(r.code, 0, `${c.join(' ')}\n${r.err}`);
    assert.equal(wide(r.out), [], `negsim ${c.join(' ')}`);
  }
});

test('the same command from another working directory prints the same bytes: outputs name the scenario by its file name', () => {
  const dir = tempDir();
  const here = negsim(['run', 'scenarios/geneva-2014.yaml', '--runs', '1000', '--json', '--quiet']);
  const there = negsim(['run', join(process.cwd(), 'scenarios', 'geneva-2014.yaml'), '--runs', '1000', '--json', '--quiet'], { cwd: dir });
  assert.is(here.code, 0, here.err);
  assert.is(there.out, here.out);
  assert.is(JSON.parse(here.out).scenario.file, 'geneva-2014.yaml');
  const bundled = negsim(['run', '--runs', '1000', '--json', '--quiet'], { cwd: dir });
  assert.is(bundled.out, here.out, 'the bundled scenario too');
});

test.run();
