import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { facts, figure, htmlPage, keyFigures, PAGE_CSS } from '../../../src/report/html/page.js';

test('a whole document: doctype, UTF-8, escaped title and generator, inline CSS, the body as given', () => {
  const html = htmlPage({ title: 'A <b> & "c"', body: '<p>body</p>', generator: 'negsim 0.1.0' });
  assert.ok(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'));
  assert.ok(html.includes('<title>A &lt;b&gt; &amp; &quot;c&quot;</title>'));
  assert.ok(html.includes('<meta name="generator" content="negsim 0.1.0">'));
  assert.ok(html.includes(`<style>${PAGE_CSS}</style>`));
  assert.ok(html.includes('<main>\n<p>body</p>\n</main>'));
  assert.ok(html.endsWith('</html>\n'));
});

test('self-contained: no script, nothing fetched, and a policy that would block both', () => {
  const html = htmlPage({ title: 't', body: '', generator: 'g' });
  assert.not.match(html, /<script|<link|@import|url\(http|src="http/i);
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`));
});

test('the page prints: A4/Letter margins, no cut charts or rows, tables unscrolled', () => {
  assert.match(PAGE_CSS, /@media print \{[^]*figure, tr, \.actor, \.keys, blockquote \{ break-inside: avoid; \}/);
  assert.match(PAGE_CSS, /@page \{ margin: 15mm 14mm; \}/);
  assert.match(PAGE_CSS, /figure\.chart \.svg svg \{ display: block; max-width: 100%; height: auto; \}/);
});

test('a figure names its chart for the browser test and escapes its heading and caption', () => {
  const html = figure('outcomes', 'Outcomes <1>', ' caption & more', '<svg></svg>', '<div>table</div>');
  assert.is(html, '<figure class="chart" id="chart-outcomes" data-chart="outcomes">\n' +
    '<figcaption><strong>Outcomes &lt;1&gt;</strong> caption &amp; more</figcaption>\n' +
    '<div class="svg" role="img" aria-label="Outcomes &lt;1&gt;"><svg></svg></div>\n</figure>\n<div>table</div>');
});

test('facts and key figures escape their text (facts\' values are HTML, already escaped by the caller)', () => {
  assert.is(facts([['Seed <', '<code>1</code>']]), '<dl class="facts">\n<dt>Seed &lt;</dt><dd><code>1</code></dd>\n</dl>');
  const keys = keyFigures([['Agreement <x>', '0.25%', '95% interval 0.17–0.37%', '#2e7d32']]);
  assert.ok(keys.includes('<li style="--c: #2e7d32"><span class="v">0.25%</span><span class="l">Agreement &lt;x&gt;</span><span class="ci">95% interval 0.17–0.37%</span></li>'));
});

test.run();
