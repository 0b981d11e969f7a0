import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { explainReportHtml } from '../../../src/report/html/explain-report.js';
import { explanation, tiny } from './fixture.js';

const e = await explanation;
const html = await explainReportHtml(e, tiny);

test('a page: what was run and how to run it again, the explanation, then the scenario with its quotations', () => {
  assert.ok(html.startsWith('<!doctype html>'));
  assert.ok(html.includes('<h1>Two parties: what drives the forecast</h1>'));
  assert.ok(html.includes('<dt>Seed</dt><dd>3</dd>'));
  assert.ok(html.includes(`<code>${tiny.hash}</code>`));
  assert.ok(html.includes('<code>negsim explain test.yaml --seed 3 --runs 512 --inner 8 --cf-runs 400 --group preference --report FILE</code>'));
  const explain = html.indexOf('<section id="explain">'), scenario = html.indexOf('<section id="scenario">');
  assert.ok(explain > 0 && scenario > explain);
  assert.ok(html.includes('negsim explain --json'));
});

test.run();
