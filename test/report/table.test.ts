import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { painter } from '../../src/report/color.js';
import { summaryTable } from '../../src/report/table.js';
import { summaryOf } from './fixture.js';

test('the terminal summary shows seed, runs, hash and every outcome with its interval, within 80 columns', async () => {
  const s = await summaryOf(400, 12);
  const text = summaryTable(s);
  assert.match(text, 'seed 12, 400 runs');
  assert.match(text, s.scenario.hash.slice(0, 12));
  for (const o of ['agreement', 'withdrawal', 'stalemate', 'no_talks']) assert.match(text, new RegExp(`${o}\\s+\\d+\\.\\d%  \\[\\d+\\.\\d%, \\d+\\.\\d%\\]`));
  for (const line of text.split('\n')) assert.ok(line.length <= 80, `${line.length}: ${line}`);
});

test('the table ends with the survival chart: a bar a round of the share still talking', async () => {
  const s = await summaryOf(200, 1);
  const lines = summaryTable(s).split('\n');
  const at = lines.indexOf('Still talking at the start of each round (share of all runs)');
  assert.ok(at > 0);
  // 200 runs of seed 1: 190 began (95.0%), then 41, 18 and 10 runs still talking at rounds 2-4; 40 cells
  assert.is(lines[at + 1], `  round 1  ${'█'.repeat(38)}${' '.repeat(2)}   95.0%`);
  assert.is(lines[at + 2], `  round 2  ████████▎${' '.repeat(31)}   20.5%`);
  assert.is(lines[at + 4], `  round 4  ██${' '.repeat(38)}    5.0%`);
  assert.equal(lines.slice(at + 5), ['']);
});

test('painted, the headings are bold and no number is touched; plain by default', async () => {
  const s = await summaryOf(200, 1);
  const plain = summaryTable(s);
  const painted = summaryTable(s, painter(true));
  assert.not.match(plain, '\x1b[');
  assert.match(painted, '\x1b[1mOutcome                  probability  [95% interval]\x1b[22m');
  assert.is(painted.replace(/\x1b\[\d+m/g, ''), plain);
});

test.run();
