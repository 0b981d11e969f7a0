import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { abbreviate, blockTable, fitLines, wrap } from '../../src/report/text-layout.js';

test('wrap breaks at spaces within the width, with a hanging indent, and breaks a word longer than a line', () => {
  assert.equal(wrap('The 3 seeds agree: they differ by no more than Monte Carlo error predicts.', 40),
    ['The 3 seeds agree: they differ by no', 'more than Monte Carlo error predicts.']);
  assert.equal(wrap('a b c', 80, '  ', '    '), ['  a b c']);
  assert.equal(wrap('overrides: x=1; y=2', 12, '', '  '), ['overrides:', '  x=1; y=2']);
  assert.equal(wrap('x'.repeat(25), 10), ['xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']);
  assert.equal(wrap(''), ['']);
  for (const line of wrap('word '.repeat(100) + 'y'.repeat(200), 80, '  ', '      ')) assert.ok(line.length <= 80, line);
});

test('abbreviate keeps what fits and marks the cut with an ellipsis', () => {
  assert.is(abbreviate('detainee_exchange.carried_out', 12), 'detainee_ex…');
  assert.is(abbreviate('attend gov', 12), 'attend gov');
});

test('blockTable puts the columns that do not fit beside the labels in a further block, headed and labelled again', () => {
  const cols = ['A', 'B', 'C', 'D'].map((h, i) => ({ heading: h, cells: [`${i}0.0% [0.0%, 7.3%]`, `${i}1.0% [9.9%, 12.0%]`] }));
  const lines = blockTable('outcome', ['agreement', 'withdrawal'], cols);
  assert.ok(lines.every((l) => l.length <= 80), lines.join('\n'));
  assert.equal(lines, [
    'outcome     A                    B                    C',
    'agreement   00.0% [0.0%, 7.3%]   10.0% [0.0%, 7.3%]   20.0% [0.0%, 7.3%]',
    'withdrawal  01.0% [9.9%, 12.0%]  11.0% [9.9%, 12.0%]  21.0% [9.9%, 12.0%]',
    '',
    'outcome     D',
    'agreement   30.0% [0.0%, 7.3%]',
    'withdrawal  31.0% [9.9%, 12.0%]',
  ]);
  assert.equal(blockTable('x', ['a'], [{ heading: 'n', cells: ['7'], align: 'right' }, { heading: 'name', cells: ['z'] }]), ['x  n  name', 'a  7  z']);
});

test('fitLines wraps only the lines that are too long, under their own indentation', () => {
  const long = `      source: "${'quoted words '.repeat(10).trim()}"`;
  const out = fitLines(['short', long]);
  assert.is(out[0], 'short');
  assert.ok(out.slice(1).every((l) => l.length <= 80 && l.startsWith('      ')), out.join('\n'));
  assert.ok(out[2].startsWith('          '), 'continued four columns further in');
  assert.is(out.slice(1).map((l) => l.trim()).join(' '), long.trim());
});

test.run();
