import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { colorEnabled, painter, PLAIN } from '../../src/report/color.js';

test('colour only on a terminal, without --no-color and without a non-empty NO_COLOR', () => {
  assert.is(colorEnabled({ flag: undefined, env: {}, isTTY: true }), true);
  assert.is(colorEnabled({ flag: true, env: {}, isTTY: true }), true);
  assert.is(colorEnabled({ flag: undefined, env: {}, isTTY: false }), false, 'piped or redirected to a file');
  assert.is(colorEnabled({ flag: true, env: {}, isTTY: false }), false, 'files are never coloured');
  assert.is(colorEnabled({ flag: false, env: {}, isTTY: true }), false, '--no-color');
  assert.is(colorEnabled({ flag: undefined, env: { NO_COLOR: '1' }, isTTY: true }), false);
  assert.is(colorEnabled({ flag: true, env: { NO_COLOR: 'yes' }, isTTY: true }), false);
  // no-color.org: an empty NO_COLOR does not count
  assert.is(colorEnabled({ flag: undefined, env: { NO_COLOR: '' }, isTTY: true }), true);
});

test('headings are bold and flags yellow, each switched off again at its end; plain leaves text as it is', () => {
  const p = painter(true);
  assert.is(p.heading('Outcome'), '\x1b[1mOutcome\x1b[22m');
  assert.is(p.flag('*'), '\x1b[33m*\x1b[39m');
  assert.is(painter(false), PLAIN);
  assert.is(PLAIN.heading('Outcome'), 'Outcome');
  assert.is(PLAIN.flag('*'), '*');
});

test.run();
