import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codePoint, textProblem } from '../../src/scenario/text.js';

test('control characters are refused in any text, keys included, with their path', () => {
  assert.equal(textProblem({ title: 'a\u001b[2J' }), { path: ['title'], char: '\u001b', kind: 'control character' });
  assert.equal(textProblem({ actors: { gov: { name: 'x\u0085' } } }), { path: ['actors', 'gov', 'name'], char: '\u0085', kind: 'control character' });
  assert.equal(textProblem({ ['k\u0007']: 1 }), { path: ['k\u0007'], char: '\u0007', kind: 'control character' });
  assert.is(textProblem({ note: 'two\nlines\twith a tab\r\n' }), undefined);
});

test('bidirectional controls are refused everywhere, quotations too (they reorder what is shown)', () => {
  for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
    assert.is(textProblem({ name: `a${c}b` })?.kind, 'bidirectional control', codePoint(c));
    assert.is(textProblem({ preferences: [{ source: `a${c}b` }] })?.kind, 'bidirectional control', codePoint(c));
  }
});

test('invisible characters are refused in names and titles; joiners and marks are allowed in quotations and notes', () => {
  assert.equal(textProblem({ title: 'Geneva\u200BII' }), { path: ['title'], char: '\u200B', kind: 'invisible character' });
  assert.is(textProblem({ actors: { snc: { name: 'S\u200DNC' } } })?.kind, 'invisible character');
  assert.is(textProblem({ issues: { x: { low: '\u200Fnone' } } })?.kind, 'invisible character');
  assert.is(textProblem({ name: 'a\uFEFFb' })?.kind, 'invisible character');
  assert.is(textProblem({ preferences: [{ source: 'مي\u200Cخواهم' }] }), undefined); // Persian: a non-joiner is spelling
  assert.is(textProblem({ observed: { note: 'שלום\u200F.' } }), undefined);
  assert.is(textProblem({ preferences: [{ source: 'a\u200Bb' }] })?.kind, 'invisible character', 'a zero-width space is never spelling');
  assert.is(codePoint('\u202E'), 'U+202E');
});

test.run();
