import { test } from 'uvu';
import * as assert from 'uvu/assert';
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

test.run();
