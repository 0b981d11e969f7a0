import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { painter } from '../../src/report/color.js';
import { renderProgress } from '../../src/report/progress.js';
import { terminalOutput, terminalSafe } from '../../src/report/terminal-text.js';

test('terminalSafe writes every control, bidirectional and invisible character as its JSON escape', () => {
  assert.is(terminalSafe('Geneva\u001b]0;owned\u0007 II'), 'Geneva\\u001b]0;owned\\u0007 II');
  assert.is(terminalSafe('a\u202Eb\u2066c'), 'a\\u202eb\\u2066c');
  assert.is(terminalSafe('gov\u200B'), 'gov\\u200b');
  assert.is(terminalSafe('line\nbreak\ttab\u0085'), 'line\\u000abreak\\u0009tab\\u0085');
  assert.is(terminalSafe('Genève, Montreux — 22 January'), 'Genève, Montreux — 22 January');
});

test('terminalOutput keeps layout and negsim\'s own colours and progress frames, and escapes everything else', () => {
  const paint = painter(true);
  const table = `${paint.heading('Outcome')}\n  agreement\t0.25%\n${paint.flag('*')}\n`;
  assert.is(terminalOutput(table), table);
  assert.is(terminalOutput('x\u001b[2Jy\n'), 'x\\u001b[2Jy\n');
  assert.is(terminalOutput('title\u001b]0;owned\u0007\n'), 'title\\u001b]0;owned\\u0007\n');
  assert.is(terminalOutput('evil\r\u001b[K hidden\n'), 'evil\\u000d\\u001b[K hidden\n', 'a carriage return inside text is not a progress frame');
  const frame = `\r${renderProgress(4500, 10000, 2000, 20)}\u001b[K`;
  assert.is(terminalOutput(frame), frame);
  assert.is(terminalOutput('\r\u001b[K'), '\r\u001b[K');
});

test('JSON passed through terminalOutput is still JSON, with the same strings', () => {
  const j = JSON.stringify({ title: 'a\u202Eb\u009b2J' });
  assert.equal(JSON.parse(terminalOutput(j)), { title: 'a\u202Eb\u009b2J' });
  assert.not.match(terminalOutput(j), /[\u202E\u009b]/);
});

test.run();
