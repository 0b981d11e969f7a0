import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compareReportHtml } from '../../../src/report/html/compare-report.js';
import { compareJson } from '../../../src/report/compare.js';
import { dataCells, mismatches } from './cells.js';
import { pressed, scenarios, seeds, tiny } from './fixture.js';

const charts = (html: string) => [...html.matchAll(/data-chart="([\w-]+)"/g)].map((m) => m[1]);

test('seeds: one chart of each seed against the pooled estimate; every number is compare --json\'s', async () => {
  const c = await seeds;
  const html = await compareReportHtml(c, [tiny]);
  assert.equal(charts(html), ['seeds']);
  assert.equal(mismatches(html, JSON.parse(compareJson(c))), []);
  const paths = new Set(dataCells(html).map((x) => x.path));
  for (let i = 0; i < 3; i++) for (const o of ['agreement', 'withdrawal', 'stalemate', 'no_talks']) assert.ok(paths.has(`seeds.${i}.outcomes.${o}`));
  for (const o of ['agreement', 'withdrawal', 'stalemate', 'no_talks']) assert.ok(paths.has(`homogeneity.${o}.pooled`) && paths.has(`homogeneity.${o}`));
  assert.ok(html.includes(c.agree ? 'Verdict: the seeds agree.' : 'Verdict: the seeds disagree.'));
  assert.ok(html.includes('<code>negsim compare test.yaml --seeds 1,2,3 --runs 300 --report FILE</code>'));
  assert.ok(html.includes('<section id="scenario">'));
});

test('scenarios: side by side and every difference the header counts, outcomes, parties and measures; every number is compare --json\'s', async () => {
  const c = await scenarios;
  const html = await compareReportHtml(c, [tiny, pressed.scenario!]);
  assert.equal(charts(html), ['scenarios', 'differences']);
  assert.equal(mismatches(html, JSON.parse(compareJson(c))), []);
  const paths = dataCells(html).map((x) => x.path);
  const flagged = c.differences.filter((d) => d.flagged).length;
  assert.ok(c.differences.length > 4, 'parties and measures are compared too');
  assert.ok(html.includes(`<strong>${flagged} of ${c.differences.length} differences</strong>`));
  assert.equal(paths.filter((p) => p.startsWith('differences.')).sort(), c.differences.map((_, i) => `differences.${i}`).sort(), 'each difference counted is shown');
  const events = c.scenarios.reduce((n, s) => n + s.events.length, 0);
  assert.is(paths.filter((p) => p.startsWith('scenarios.')).length, 8 + events);
  assert.ok(html.includes('<section id="events">'));
  assert.ok(html.includes('with --set actors.s.pressure.1.strength=0.5'));
  // the same file twice (baseline and --set): described once
  assert.is((html.match(/<section id="scenario-/g) ?? []).length, 1);
});

test.run();
