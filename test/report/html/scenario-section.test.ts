import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { distributionText, scenarioSection } from '../../../src/report/html/scenario-section.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { hostile, SCRIPT } from './hostile.js';
import { tiny } from './fixture.js';

test('uncertain values are written as in the file', () => {
  assert.is(distributionText({ kind: 'fixed', value: 0.7 }), '0.7');
  assert.is(distributionText({ kind: 'triangular', lo: 0, mode: 5, hi: 15 }), 'triangular(0, 5, 15)');
  assert.is(distributionText({ kind: 'uniform', lo: 0.3, hi: 0.55 }), 'uniform(0.3, 0.55)');
  assert.is(distributionText({ kind: 'normal', mean: 50, sd: 12.5 }), 'normal(50, 12.5)');
  assert.is(distributionText({ kind: 'beta', a: 2, b: 6 }), 'beta(2, 6)');
  assert.is(distributionText({ kind: 'fixed', value: 1 / 3 }), '0.3333');
});

test('issues with both ends labelled; actors with role, capability, positions and salience', () => {
  const html = scenarioSection(tiny);
  assert.ok(html.includes('<td>nothing</td><td>everything</td>'));
  assert.ok(html.includes('<th scope="row">A <span class="id">a</span></th><td>party, essential, armed</td><td>0.6</td><td>uniform(10, 30)<br><span class="id">0.8</span></td>'), html);
  assert.ok(html.includes('<th scope="row">Sponsor <span class="id">s</span></th><td>sponsor</td><td>0.8</td><td>50<br>'));
  assert.ok(html.includes('<strong>Pressure</strong> on A toward attend, strength 0'));
});

test('the Geneva II scenario: every quotation of the file is on the page, and unquoted values say they are judgement', () => {
  const { scenario } = loadScenario('scenarios/geneva-2014.yaml');
  const html = scenarioSection(scenario!);
  const quotes = [
    ...scenario!.actors.flatMap((a) => [...a.conditions, ...a.priorities, ...a.exits, ...a.inclinations, ...a.beliefs, ...a.pressure, a.outsideOption].map((p) => p.source)),
    ...scenario!.measures.map((m) => m.source),
  ].filter((q): q is string => !!q);
  assert.ok(quotes.length >= 10, String(quotes.length));
  for (const q of quotes) assert.ok(html.includes(`<blockquote>“${q.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}”</blockquote>`), q);
  assert.ok(html.includes('<strong>Red line</strong>: never accept a deal unless <code>assad_role &lt;= limit</code>, where <code>limit</code> ~ triangular(10, 20, 35); binding in a run with probability beta(9, 1)'));
  assert.ok(html.includes('<div class="judgement">no quotation: the analyst’s judgement</div>'));
  assert.ok(html.includes('The Associated Press, 2014-01-17'));
});

test('a hostile scenario: no markup of its own reaches the page, a javascript: URL is not a link', () => {
  const html = scenarioSection(hostile);
  // as text, `onerror=` is harmless; as markup it would need a `<` the page never lets through
  assert.not.match(html, /<(script|img|b|i|u|a)\b/i);
  assert.ok(html.includes(`A ${SCRIPT}`.replace(/</g, '&lt;').replace(/>/g, '&gt;')));
  assert.ok(html.includes('B &quot; onclick=&quot;alert(7)'));
  assert.ok(html.includes('&#39; onmouseover=&#39;alert(5)'));
  assert.ok(html.includes('<dt>Source address</dt><dd>javascript:alert(3)</dd>'));
});

test('heading and id can be chosen, for pages with several scenarios', () => {
  assert.ok(scenarioSection(tiny, 'Scenario B: <x>', 'scenario-b').startsWith('<section id="scenario-b">\n<h2>Scenario B: &lt;x&gt;</h2>'));
});

test.run();
