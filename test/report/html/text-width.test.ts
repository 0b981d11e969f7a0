import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { itemTextWidth, textWidth } from '../../../src/report/html/text-width.js';

test("Helvetica's advance widths: 'Agreement' is 4891/1000 em, 58.692 px at 12 px", () => {
  // A 667 + g 556 + r 333 + e 556 + e 556 + m 833 + e 556 + n 556 + t 278 = 4891
  assert.is(textWidth('Agreement', 12), 58.692);
  assert.is(textWidth('0%', 10), 14.45); // 556 + 889
  assert.is(textWidth('', 12), 0);
});

test('every printable ASCII character has its own width: space 278, W 944, i 222, ~ 584', () => {
  assert.is(textWidth(' ', 1000), 278);
  assert.is(textWidth('W', 1000), 944);
  assert.is(textWidth('i', 1000), 222);
  assert.is(textWidth('~', 1000), 584);
  assert.is(textWidth('@', 1000), 1015);
});

test('the ellipsis Vega truncates with is one em; unknown characters count as a digit', () => {
  assert.is(textWidth('…', 10), 10);
  assert.is(textWidth('ж', 1000), 556);
  assert.is(textWidth('😀', 1000), 556); // one code point, not two UTF-16 units
});

const near = (x: number, want: number) => assert.ok(Math.abs(x - want) < 1e-9, `${x} vs ${want}`);

test('bold is 7% wider; a Vega item gives its size (default 11) and weight', () => {
  near(textWidth('a', 1000, true), 594.92);
  near(itemTextWidth({}, 'a'), 6.116);
  near(itemTextWidth({ fontSize: 20, fontWeight: 'bold' }, 'a'), 11.8984);
  near(itemTextWidth({ fontSize: 20, fontWeight: 600 }, ' a '), 11.8984); // trimmed, as Vega trims
  near(itemTextWidth({ fontSize: 20, fontWeight: 'normal' }, 'a'), 11.12);
  assert.is(itemTextWidth({ fontSize: 10 }, null), 0);
});

test.run();
