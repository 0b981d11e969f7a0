import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { progressBar, renderProgress, shouldShowProgress } from '../../src/report/progress.js';

test('the bar shows only after a second, on a terminal, without --quiet', () => {
  assert.is(shouldShowProgress({ isTTY: true, quiet: false, elapsedMs: 1000 }), true);
  assert.is(shouldShowProgress({ isTTY: true, quiet: false, elapsedMs: 999 }), false);
  assert.is(shouldShowProgress({ isTTY: false, quiet: false, elapsedMs: 60_000 }), false);
  assert.is(shouldShowProgress({ isTTY: true, quiet: true, elapsedMs: 60_000 }), false);
});

test('the line: cells filled in eighths, the percentage, runs done of planned, time and time left', () => {
  // 45% of 20 cells = 9 cells exactly; 2 s for 4,500 runs leaves 5,500 runs, about 2.4 s, shown as 2 s
  assert.is(renderProgress(4500, 10000, 2000, 20), `negsim [${'█'.repeat(9)}${' '.repeat(11)}]  45%  4,500/10,000 runs  2 s, about 2 s left`);
  // 1/3 of 10 cells = 3 cells and 2.67 eighths: 3 full cells and a quarter block
  assert.is(renderProgress(1, 3, 500, 10), `negsim [███▎      ]  33%  1/3 runs  1 s, about 1 s left`);
  assert.is(renderProgress(0, 100, 0, 4), 'negsim [    ]   0%  0/100 runs  0 s');
  assert.is(renderProgress(100, 100, 125_000, 4), 'negsim [████] 100%  100/100 runs  2 min 05 s');
  assert.is(renderProgress(150, 100, 1000, 2), 'negsim [██] 100%  150/100 runs  1 s', 'a share above 1 is drawn full');
  // 99 of 100 in 40 s: 0.4 s to go, not worth saying
  assert.is(renderProgress(99, 100, 40_000, 2), 'negsim [█▉]  99%  99/100 runs  40 s');
});

test('drawn in place after the first second, at most every 100 ms (and at the end), and erased at the end', () => {
  let t = 0;
  const written: string[] = [];
  const bar = progressBar({ write: (s) => written.push(s), isTTY: true, quiet: false, now: () => t, width: 4 });
  t = 500; bar.update(10, 100);
  assert.equal(written, [], 'nothing in the first second');
  t = 1000; bar.update(20, 100);
  t = 1050; bar.update(30, 100);
  t = 1100; bar.update(40, 100);
  t = 1120; bar.update(100, 100);
  assert.equal(written, [
    '\rnegsim [▊   ]  20%  20/100 runs  1 s, about 4 s left\x1b[K',
    '\rnegsim [█▌  ]  40%  40/100 runs  1 s, about 2 s left\x1b[K',
    '\rnegsim [████] 100%  100/100 runs  1 s\x1b[K',
  ]);
  bar.end();
  assert.is(written[written.length - 1], '\r\x1b[K');
  bar.end();
  assert.is(written.length, 4, 'erased once');
});

test('nothing at all when stderr is not a terminal, or with --quiet, or when the run ends within a second', () => {
  for (const o of [{ isTTY: false, quiet: false, t: 5000 }, { isTTY: true, quiet: true, t: 5000 }, { isTTY: true, quiet: false, t: 900 }]) {
    const written: string[] = [];
    const bar = progressBar({ write: (s) => written.push(s), isTTY: o.isTTY, quiet: o.quiet, now: () => (written.length, o.t) });
    bar.update(50, 100);
    bar.end();
    assert.equal(written, [], JSON.stringify(o));
  }
});

test.run();
