/**
 * `negsim backtest` as a user runs it (the built CLI): Geneva II with few runs, the CSV, the note for a
 * file without `observed:`, bad input, and the same bytes for any number of workers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { negsim, noStack, tempDir, writeTemp } from './helpers.js';

const GENEVA = 'scenarios/geneva-2014.yaml';
const QUESTIONS = ['gov_attends', 'snc_attends', 'gov_withdraws', 'snc_withdraws', 'anyone_withdraws', 'deal', 'talks_held', 'cf_accepted', 'cf_held', 'swap_done'];
const NO_OBSERVED = 'id: plain\ntitle: Plain\nrounds: 3\nissues:\n  x: { low: a, high: b }\nactors:\n  a: { name: A, role: party, capability: 0.5, position: { x: 10 } }\n';

test('Geneva II: every question with its forecast, interval, answer and squared error; scores beside both baselines', () => {
  const r = negsim(['backtest', GENEVA, '--runs', '300', '--workers', '1']);
  assert.is(r.code, 0, r.err);
  assert.match(r.out, /^Backtest: 1 scenario, 10 questions; seed 1, 300 runs a scenario\n/);
  assert.match(r.out, /\ngeneva-2014: Geneva II, Montreux, 22 January 2014 \(geneva-2014\.yaml, sha256\n {2}59c910ce2109;/);
  for (const q of QUESTIONS) assert.match(r.out, new RegExp(`\\n  ${q} +\\S.* \\d\\.\\d{3} \\[\\d\\.\\d{3}, \\d\\.\\d{3}\\] +(yes|no) +\\d\\.\\d{4}\\n`), q);
  assert.match(r.out, /\n  deal +agreement +\d\.\d{3} .* no /);
  for (const l of r.out.split('\n')) assert.ok(l.length <= 80, l);
  assert.match(r.out, /\ngeneva-2014   10   \d\.\d{4}   \d\.\d{3}    0\.2500   0\.693    0\.0000   0\.000\n/);
  assert.match(r.out, /in-sample/);
  assert.match(r.out, /Position forecasts/);
  assert.is(r.err, '');
});

test('--csv writes one row a question (header + 10), observed as 1/0, the seed on every row; --json has the same numbers', () => {
  const dir = tempDir();
  const csv = join(dir, 'bt.csv');
  const r = negsim(['backtest', GENEVA, '--runs', '200', '--seed', '5', '--workers', '1', '--csv', csv, '--json']);
  assert.is(r.code, 0, r.err);
  const rows = readFileSync(csv, 'utf8').split('\r\n');
  assert.is(rows.pop(), '');
  assert.is(rows[0], 'scenario,question,ask,actor,measure,p,lo,hi,observed,brier,logloss,n,seed,scenario_sha256');
  assert.is(rows.length, 11);
  assert.equal(rows.slice(1).map((l) => l.split(',')[1]), QUESTIONS);
  for (const l of rows.slice(1)) {
    const f = l.split(',');
    assert.is(f.length, 14);
    assert.is(f[13], '59c910ce21097dcb851e78dc9eb06ebb14fe5103682fc1316e2c868eed177cd9');
    assert.ok(['0', '1'].includes(f[8]), l);
    assert.equal([f[11], f[12]], ['200', '5']);
    assert.ok(Math.abs(Number(f[9]) - (Number(f[5]) - Number(f[8])) ** 2) < 1e-5, l);
  }
  assert.equal(rows[1].split(',').slice(0, 5), ['geneva-2014', 'gov_attends', 'attends', 'gov', '']);
  assert.equal(rows[10].split(',').slice(0, 5), ['geneva-2014', 'swap_done', 'carried_out', '', 'detainee_exchange']);
  const j = JSON.parse(r.out);
  assert.equal([j.seed, j.runs, j.clip], [5, 200, 1e-6]);
  assert.is(j.scenarios[0].questions.length, 10);
  const deal = j.scenarios[0].questions.find((q: { question: string }) => q.question === 'deal');
  assert.equal([deal.ask, deal.observed], ['agreement', false]);
  assert.is(j.overall.half.brier, 0.25);
  assert.is(j.scenarios[0].positionErrors.negsim.mae, null, 'NaN is written as null');
  assert.equal(readdirSync(dir), ['bt.csv'], 'no temporary file left');
});

test('a file without observed: is skipped with a note on stderr; only files without it: exit 1, nothing to score', () => {
  const dir = tempDir();
  const plain = writeTemp(dir, 'plain.yaml', NO_OBSERVED);
  const r = negsim(['backtest', plain, GENEVA, '--runs', '50', '--workers', '1']);
  assert.is(r.code, 0, r.err);
  assert.ok(r.err.includes(`negsim: ${plain} has no observed: block (what really happened); skipped\n`), r.err);
  assert.match(r.out, /^Backtest: 1 scenario, 10 questions/);
  assert.not.match(r.out, /plain/);
  const none = negsim(['backtest', plain, '--runs', '50']);
  assert.is(none.code, 1);
  assert.match(none.err, /none of the files given has an observed: block/);
  assert.ok(noStack(none.err));
});

test('bad input: a bad observed block is refused with file:line:column before any run, and no CSV is written', () => {
  const dir = tempDir();
  const text = readFileSync(GENEVA, 'utf8').replace('    measure: detainee_exchange\n      answer: no', '    measure: aleppo_ceasefire\n      answer: no');
  assert.ok(text.includes('ask: carried_out\n      measure: aleppo_ceasefire'));
  writeTemp(dir, 'geneva-ii-ap-article.txt', readFileSync('scenarios/geneva-ii-ap-article.txt', 'utf8'));
  const bad = writeTemp(dir, 'bad.yaml', text);
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > 0 && lines[i - 1].includes('ask: carried_out')) + 1; // its measure: line
  const csv = join(dir, 'out.csv');
  const r = negsim(['backtest', GENEVA, bad, '--runs', '50', '--csv', csv]);
  assert.is(r.code, 1);
  assert.ok(r.err.includes(`${bad}:${line}:16: error: observed.questions.swap_done: ask 'carried_out' is about an exchange or a concession, and 'aleppo_ceasefire' is a ceasefire`), r.err);
  assert.match(r.err, /hint: use 'detainee_exchange', or ask 'accepted', 'held' or 'unbroken'/);
  assert.ok(noStack(r.err));
  assert.not.ok(existsSync(csv));
  assert.is(r.out, '');
  const flag = negsim(['backtest', GENEVA, '--runs', 'many']);
  assert.is(flag.code, 1);
  assert.match(flag.err, /--runs must be a whole number/);
});

test('a scenario named twice, as the same file or the same bytes, is scored once, with a note', () => {
  const dir = tempDir();
  const copy = writeTemp(dir, 'copy.yaml', readFileSync(GENEVA, 'utf8'));
  writeTemp(dir, 'geneva-ii-ap-article.txt', readFileSync('scenarios/geneva-ii-ap-article.txt', 'utf8'));
  const once = negsim(['backtest', GENEVA, '--runs', '200', '--workers', '1']);
  const r = negsim(['backtest', GENEVA, `./${GENEVA}`, copy, '--runs', '200', '--workers', '1']);
  assert.is(r.code, 0, r.err);
  assert.match(r.err, `negsim: ./${GENEVA} is ${GENEVA}, named again; scored once\n`);
  assert.match(r.err, `negsim: ${copy} is the same scenario as ${GENEVA} (sha256 59c910ce2109); scored once\n`);
  assert.is(r.out, once.out, 'the same scores, the same base rate');
});

test('the same bytes for 1 and 3 workers; no files means the shipped scenarios with observed:', () => {
  const one = negsim(['backtest', GENEVA, '--runs', '1500', '--workers', '1']);
  const three = negsim(['backtest', GENEVA, '--runs', '1500', '--workers', '3']);
  assert.is(one.code, 0, one.err);
  assert.is(three.out, one.out);
  const all = negsim(['backtest', '--runs', '20', '--workers', '2', '--quiet']);
  assert.is(all.code, 0, all.err);
  assert.match(all.out, /\ngeneva-2014: Geneva II/);
  assert.not.match(all.out, /eu-car-emissions/);
});

test.run();
