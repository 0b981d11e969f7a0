import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dataAttrs, estimateCell, numberCell, rowHead, table } from '../../../src/report/html/tables.js';

const e = { p: 0.0025, lo: 0.0016939976111583204, hi: 0.0036880807676648933, count: 25, n: 10000 };

test('an estimate cell carries its JSON path, what it is and every field as JSON writes it', () => {
  assert.is(estimateCell({ path: 'outcomes.agreement', metric: 'agreement' }, e),
    '<td class="num" data-path="outcomes.agreement" data-metric="agreement" data-p="0.0025" data-lo="0.0016939976111583204"' +
    ' data-hi="0.0036880807676648933" data-count="25" data-n="10000">0.25%<span class="ci">0.17–0.37%</span></td>');
});

test('actor, round and measure keys are written when given, escaped', () => {
  const cell = estimateCell({ path: 'rounds.0.withdrawal_by.snc', metric: 'withdrawal_by', actor: 'snc', round: 1, measure: 'a"b' }, e);
  assert.ok(cell.includes(' data-actor="snc" data-round="1" data-measure="a&quot;b" data-p='), cell);
});

test('a proportion over no runs shows a dash but keeps its numbers', () => {
  const cell = estimateCell({ path: 'rounds.7.withdrawal_hazard', metric: 'withdrawal_hazard' }, { p: 0, lo: 0, hi: 1, count: 0, n: 0 });
  assert.ok(cell.includes('data-p="0" data-lo="0" data-hi="1" data-count="0" data-n="0"'));
  assert.ok(cell.includes('>–</span></td>'));
  assert.not.ok(cell.includes('%'));
});

test('other numbers: the fields as attributes (non-finite as null) and the given HTML', () => {
  assert.is(dataAttrs({ mean: 5.5, sd: NaN }), ' data-mean="5.5" data-sd="null"');
  assert.is(numberCell({ path: 'deal.agenda', metric: 'deal' }, { mean: 71.25 }, '71.3'),
    '<td class="num" data-path="deal.agenda" data-metric="deal" data-mean="71.25">71.3</td>');
});

test('a table: escaped caption, header cells and rows as given; row headers escape their text', () => {
  const html = table('A & B <i>', ['One', 'Two'], [[rowHead('<b>x</b>', 'id'), '<td>1</td>']]);
  assert.is(html, '<div class="table-wrap"><table class="numbers"><caption>A &amp; B &lt;i&gt;</caption>' +
    '<thead><tr><th scope="col">One</th><th scope="col">Two</th></tr></thead><tbody>\n' +
    '<tr><th scope="row">&lt;b&gt;x&lt;/b&gt; <span class="id">id</span></th><td>1</td></tr>\n</tbody></table></div>');
});

test.run();
