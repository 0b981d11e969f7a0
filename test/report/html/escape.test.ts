import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { escapeHtml, safeHref } from '../../../src/report/html/escape.js';

test('the five characters that can end a text node or a quoted attribute become entities', () => {
  assert.is(escapeHtml('<script>alert("x")</script> & co'), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
  assert.is(escapeHtml("it's"), 'it&#39;s');
  assert.is(escapeHtml('" onmouseover="alert(1)'), '&quot; onmouseover=&quot;alert(1)');
});

test('text without those characters, accents and dashes included, is left as it is', () => {
  assert.is(escapeHtml('Al-Moallem — “combating terrorism”, 17 January'), 'Al-Moallem — “combating terrorism”, 17 January');
  assert.is(escapeHtml(''), '');
});

test('escaping twice escapes the ampersands of the first pass: it is applied once, at the page', () => {
  assert.is(escapeHtml(escapeHtml('<')), '&amp;lt;');
});

test('only http(s) URLs become links; javascript:, data: and relative ones stay text', () => {
  assert.is(safeHref('https://apnews.com/x?a=1&b=2'), 'https://apnews.com/x?a=1&amp;b=2');
  assert.is(safeHref('  http://example.org/a  '), 'http://example.org/a');
  assert.is(safeHref('javascript:alert(1)'), null);
  assert.is(safeHref('JaVaScRiPt:alert(1)'), null);
  assert.is(safeHref('data:text/html,<script>alert(1)</script>'), null);
  assert.is(safeHref('//evil.example/x'), null);
  assert.is(safeHref('https://a.example/x" onclick="alert(1)'), null);
});

test.run();
