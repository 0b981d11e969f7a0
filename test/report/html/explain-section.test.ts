import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { explainSection } from '../../../src/report/html/explain-section.js';
import { explainJson } from '../../../src/report/explain.js';
import { explainScenario } from '../../../src/sim/explain.js';
import { dataCells, mismatches } from './cells.js';
import { explanation } from './fixture.js';
import { hostile, SCRIPT } from './hostile.js';

const e = await explanation;
const html = await explainSection(e);
const json = JSON.parse(explainJson(e)) as unknown;

test('two charts: what each outcome hinges on, and each preference switched off', () => {
  const charts = [...html.matchAll(/<figure class="chart" id="chart-([\w-]+)" data-chart="\1">/g)].map((m) => m[1]);
  assert.equal(charts, ['sensitivity', 'counterfactual']);
  assert.is((html.match(/<svg /g) ?? []).length, 2);
  assert.ok(html.startsWith('<section id="explain">\n<h2>What drives the forecast</h2>'));
});

test('every number on the page is explain --json\'s number at the same path', () => {
  assert.equal(mismatches(html, json), []);
  const paths = dataCells(html).map((c) => c.path);
  assert.ok(paths.some((p) => /^sensitivity\.outcomes\.\d+\.indices\.0\.total$/.test(p)));
  assert.ok(paths.some((p) => /^sensitivity\.outcomes\.\d+\.chance$/.test(p)));
  assert.ok(paths.some((p) => /^counterfactual\.preferences\.\d+\.effects\.\d+\.difference$/.test(p)));
});

test('the sentences, the inputs by path and the preferences with their quotations are on the page', () => {
  assert.ok(html.includes('<h3>What each outcome hinges on</h3>'));
  assert.ok(html.includes('P(withdrawal)'));
  assert.ok(html.includes('actors.b.position.x'));
  assert.ok(html.includes('actors.b.preferences.0'));
  assert.ok(html.includes('<div class="judgement">no quotation: the analyst’s judgement</div>'));
});

test('a hostile scenario\'s names and quotations reach the section and its charts as text only', async () => {
  const h = await explainScenario(hostile, { id: hostile.id, title: hostile.title, file: 'hostile.yaml', hash: hostile.hash }, 't',
    { rows: 16, inner: 2, seed: 1, workers: 1, grouping: 'number', counterfactualRuns: 300, resamples: 20 });
  const page = await explainSection(h);
  assert.not.ok(page.includes(SCRIPT));
  assert.not.match(page, /<(script|img|b|i|u|a)\b/i);
  assert.ok(page.includes('We never &lt;script&gt;alert(6)&lt;/script&gt; accept'));
});

test('same explanation, same bytes', async () => {
  assert.is(await explainSection(e), html);
});

test.run();
