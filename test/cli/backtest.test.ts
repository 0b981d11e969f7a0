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
  // one file: the in-sample base rate is each answer (0), the case-out one has nothing to learn from (0.5)
  assert.match(r.out, /\n  geneva-2014        10    \d\.\d{4}      0\.2500      0\.0000      0\.2500\n/);
  assert.match(r.out, /\n  geneva-2014        10     \d\.\d{3}       0\.693       0\.000       0\.693\n/);
  assert.match(r.out, /Base rate in sample/);
  assert.match(r.out, /\nReliability: negsim's forecasts in tenths/);
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
  assert.is(rows[0], 'scenario,question,ask,actor,measure,p,lo,hi,observed,brier,logloss,n,seed,scenario_sha256,attendance,base_rate,base_rate_out_of_sample');
  assert.is(rows.length, 11);
  assert.equal(rows.slice(1).map((l) => l.split(',')[1]), QUESTIONS);
  for (const l of rows.slice(1)) {
    const f = l.split(',');
    assert.is(f.length, 17);
    assert.is(f[13], '59c910ce21097dcb851e78dc9eb06ebb14fe5103682fc1316e2c868eed177cd9');
    assert.ok(['0', '1'].includes(f[8]), l);
    assert.equal([f[15], f[16]], [f[8], '0.5'], 'one file: in sample, its own answer; case out, 0.5');
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

const DEADLOCK = 'test/backtest/deadlock.yaml';

test('two files: the counts, attendance apart, and the baselines, all from the answers alone (worked by hand)', () => {
  const r = negsim(['backtest', GENEVA, DEADLOCK, '--runs', '50', '--workers', '1']);
  assert.is(r.code, 0, r.err);
  for (const l of r.out.split('\n')) assert.ok(l.length <= 80, l);
  // Geneva II: attends yes x2, withdraws no x2, withdrawal, agreement no, talks yes, accepted, held, carried_out no;
  // the deadlock: agreement no, talks yes, held no
  assert.ok(r.out.includes('\nQuestions: 13 in 2 cases; 4 on attendance (30.8%; asks attends and talks), 9\nothers; 4 answered yes, 9 no\n'), r.out);
  assert.ok(r.out.includes([
    '  kind of question  questions    yes     no',
    '  attends                   2      2      0',
    '  withdraws                 2      0      2',
    '  withdrawal                1      0      1',
    '  agreement                 2      0      2',
    '  talks                     2      2      0',
    '  accepted                  1      0      1',
    '  held                      2      0      2',
    '  carried_out               1      0      1',
    '  all                      13      4      9',
  ].join('\n')), r.out);
  // in sample every kind is all yes or all no: 0. Case out, Geneva's attends, withdraws, withdrawal, accepted and
  // carried_out (7 questions) are asked nowhere else and take the deadlock's pooled 1 of 3: (2 x 4/9 + 5 x 1/9) / 13 = 1/9;
  // attendance (gov, snc at 1/3, two talks at 1): 8/9 / 4 = 0.2222; the rest 5/9 / 9 = 0.0617
  assert.match(r.out, /\nall questions        13    \d\.\d{4}      0\.2500      0\.0000      0\.1111\n/);
  assert.match(r.out, /\n  attendance          4    \d\.\d{4}      0\.2500      0\.0000      0\.2222\n/);
  assert.match(r.out, /\n  other questions     9    \d\.\d{4}      0\.2500      0\.0000      0\.0617\n/);
  assert.match(r.out, /\n  deadlock            3    \d\.\d{4}      0\.2500      0\.0000      0\.0000\n/);
  const prose = r.out.replace(/\n +/g, ' ').replace(/\n/g, ' ');
  assert.ok(prose.includes('7 questions of a kind no other file asks took the share of yes over all the other files\' questions'), prose);
  assert.match(r.out, /\n  0\.0-0\.1 +\d+ /);
  // always 0.5: all 13 in [0.5, 0.6), 4 yes: |0.5 - 4/13| = 0.192
  assert.match(prose, /Expected calibration error .*: negsim \d\.\d{3}; always 0\.5 0\.192; base rate in sample 0\.000, case out 0\.\d{3}/);
});

test('--scores-csv, --reliability-csv and --report: written together, the same numbers as --json, the seed on every row', () => {
  const dir = tempDir();
  const [scores, rel, html] = ['scores.csv', 'rel.csv', 'bt.html'].map((f) => join(dir, f));
  const r = negsim(['backtest', GENEVA, DEADLOCK, '--runs', '60', '--seed', '4', '--workers', '1', '--scores-csv', scores, '--reliability-csv', rel, '--report', html, '--json']);
  assert.is(r.code, 0, r.err);
  assert.is(r.err, `negsim: report written to ${html}\n`);
  const j = JSON.parse(r.out);
  assert.equal([j.counts.cases, j.counts.questions, j.counts.attendance], [2, 13, 4]);
  const srows = readFileSync(scores, 'utf8').split('\r\n').slice(1, -1).map((l) => l.split(','));
  assert.equal(srows.map((f) => `${f[0]} ${f[1]}`), ['all ', 'attendance ', 'other ',
    ...['attends', 'withdraws', 'withdrawal', 'agreement', 'talks', 'accepted', 'held', 'carried_out'].map((k) => `kind ${k}`), 'case geneva-2014', 'case deadlock']);
  assert.equal(srows[0].slice(2, 4), ['13', '4']);
  assert.is(Number(srows[0][4]), Number(j.scorecards.negsim.overall.brier.toPrecision(6)));
  assert.equal(srows[0].slice(5, 8), ['0.25', '0', '0.111111']);
  for (const f of srows) assert.equal(f.slice(-2), ['4', '60']);
  const rrows = readFileSync(rel, 'utf8').split('\r\n').slice(1, -1).map((l) => l.split(','));
  assert.is(rrows.length, 40);
  assert.equal(rrows.filter((f) => f[0] === 'negsim').map((f) => Number(f[3])), j.scorecards.negsim.reliability.map((b: { n: number }) => b.n));
  const page = readFileSync(html, 'utf8');
  assert.ok(page.includes('data-chart="reliability"'));
  assert.ok(page.includes('<h1>Backtest: 2 cases, 13 questions</h1>'));
  assert.equal(readdirSync(dir).sort(), ['bt.html', 'rel.csv', 'scores.csv']);
});

test('bad output flags are refused before any run, and nothing is written: an empty name, an output over an input, two outputs one file', () => {
  const dir = tempDir();
  const csv = join(dir, 'a.csv');
  const empty = negsim(['backtest', GENEVA, '--runs', '20', '--csv', csv, '--report', '']);
  assert.is(empty.code, 1);
  assert.match(empty.err, /--report needs a file name, e\.g\. --report results\/backtest\.html/);
  const over = negsim(['backtest', GENEVA, '--runs', '20', '--csv', csv, '--scores-csv', GENEVA]);
  assert.is(over.code, 1);
  assert.match(over.err, /--scores-csv scenarios\/geneva-2014\.yaml is the scenario/);
  const twice = negsim(['backtest', GENEVA, '--runs', '20', '--csv', csv, '--reliability-csv', csv]);
  assert.is(twice.code, 1);
  assert.match(twice.err, /--csv .* and --reliability-csv .* are the same file/);
  for (const x of [empty, over, twice]) assert.ok(noStack(x.err));
  assert.equal(readdirSync(dir), []);
});

test.run();
