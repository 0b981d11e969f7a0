import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runReportHtml } from '../../../src/report/html/run-report.js';
import { summaryJson } from '../../../src/report/json.js';
import { monteCarlo } from '../../../src/sim/monte-carlo.js';
import { summarise } from '../../../src/stats/summary.js';
import { at, dataCells, mismatches } from './cells.js';
import { explanation, summary, tiny } from './fixture.js';
import { hostile, SCRIPT } from './hostile.js';

const s = await summary;
const html = await runReportHtml(tiny, s);
const json = JSON.parse(summaryJson(s)) as unknown;

test('six charts: outcomes, parties, survival, hazard, the ceasefire over rounds, how the measures ended', () => {
  const charts = [...html.matchAll(/<figure class="chart" id="chart-([\w-]+)" data-chart="\1">/g)].map((m) => m[1]);
  assert.equal(charts, ['outcomes', 'parties', 'survival', 'hazard', 'ceasefire', 'measures']);
  assert.is((html.match(/<svg /g) ?? []).length, 6);
});

test('every number on the page is the JSON\'s number at the same path', () => {
  assert.equal(mismatches(html, json), []);
});

test('every outcome, attendance, withdrawal, round and measure of the JSON is on the page', () => {
  const paths = new Set(dataCells(html).map((c) => c.path));
  const want = [
    ...Object.keys(s.outcomes).map((o) => `outcomes.${o}`),
    ...['a', 'b'].flatMap((id) => ['attend', 'withdraw', 'withdraw_on_exit'].map((m) => `actors.${id}.${m}`)),
    ...s.rounds.flatMap((_, i) => ['talking', 'withdrawal_hazard', 'agreement_hazard', 'withdrawal_by.a', 'withdrawal_by.b', 'ceasefire_kept.truce'].map((m) => `rounds.${i}.${m}`)),
    ...['accepted', 'fate.not_offered', 'fate.rejected', 'fate.held', 'fate.broken', 'broken_by.a', 'broken_by.b', 'broken_by.both', 'rounds_kept'].map((m) => `measures.truce.${m}`),
    'end_round', ...Object.keys(s.deal).map((i) => `deal.${i}`),
  ];
  for (const p of want) assert.ok(paths.has(p), p);
  assert.ok(at(json, 'actors.s.attend') === null && !paths.has('actors.s.attend')); // a sponsor does not attend
});

test('the header says what ran: seed, runs, version, the scenario\'s hash, and how to run it again', () => {
  assert.ok(html.includes('<dt>Runs</dt><dd>500</dd>'));
  assert.ok(html.includes('<dt>Seed</dt><dd>7</dd>'));
  assert.ok(html.includes('<dt>negsim</dt><dd>0.0.0-test</dd>'));
  assert.ok(html.includes(`<code>${tiny.hash}</code>`));
  assert.ok(html.includes('<code>negsim report test.yaml --seed 7 --runs 500</code>'));
  assert.ok(html.includes('<span class="v">75.8%</span><span class="l">A party withdraws</span><span class="ci">95% interval 71.9–79.3%</span>'));
});

test('a hostile scenario: its title, names and quotations reach the page and its charts as text only', async () => {
  const t = await monteCarlo(hostile, { runs: 50, seed: 1, workers: 1 });
  const page = await runReportHtml(hostile, summarise(hostile, t, 1, '0.0.0-test', 'test-rng'));
  assert.not.match(page, /<(script|img|b|i|u|a)\b/i);
  assert.ok(page.includes('<h1>Talks &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;</h1>'));
  assert.ok(page.includes('<title>Talks &lt;script&gt;'));
  // in the SVG too (an axis label or legend), escaped by Vega
  assert.match(page, /<text[^>]*>A &lt;script&gt;alert\(1\)/);
  assert.not.ok(page.includes(SCRIPT));
});

test('same summary, same bytes', async () => {
  assert.is(await runReportHtml(tiny, s), html);
});

test('with an explanation (negsim report --explain): its section before the scenario, and the command that makes it again', async () => {
  const e = await explanation;
  const page = await runReportHtml(tiny, s, e);
  const explain = page.indexOf('<section id="explain">'), scenario = page.indexOf('<section id="scenario">');
  assert.ok(explain > 0 && scenario > explain);
  assert.ok(page.includes('<code>negsim report test.yaml --seed 7 --runs 500 --explain --explain-runs 512 --explain-inner 8 --explain-group preference</code>'));
  assert.not.ok(html.includes('<section id="explain">'));
});

test.run();
