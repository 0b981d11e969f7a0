import { Worker } from 'node:worker_threads';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BlockRunner } from '../../src/sim/block.js';
import type { SweepBlockRequest, SweepWorkerReply } from '../../src/sim/sweep-worker.js';
import { twoParties } from './fixtures.js';

function start(): Worker {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const target = new URL('../../src/sim/sweep-worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(target)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
}

const ask = (w: Worker, req: SweepBlockRequest) => new Promise<SweepWorkerReply>((resolve) => {
  w.once('message', resolve);
  w.postMessage(req);
});

test('one thread plays blocks of different points, each with the scenario its request carries', async () => {
  const a = twoParties({ rounds: 3, lambda: 2 });
  const b = twoParties({ rounds: 3, lambda: 30 });
  const w = start();
  try {
    const ra = await ask(w, { point: 0, scenario: a, block: 1, seed: 5, start: 1000, end: 1300 });
    const rb = await ask(w, { point: 1, scenario: b, block: 0, seed: 5, start: 0, end: 300 });
    assert.ok(ra.ok && rb.ok);
    if (!ra.ok || !rb.ok) return;
    assert.is(ra.point, 0);
    assert.is(rb.point, 1);
    assert.is(ra.result.block, 1);
    assert.equal(Array.from(ra.result.tally.outcomes), Array.from(new BlockRunner(a).run(1, 5, 1000, 1300, false).tally.outcomes));
    assert.equal(Array.from(rb.result.tally.outcomes), Array.from(new BlockRunner(b).run(0, 5, 0, 300, false).tally.outcomes));
    assert.is(rb.result.columns, null);
  } finally {
    await w.terminate();
  }
});

test('a block that throws is answered with ok false, its point and block, and the thread lives on', async () => {
  const a = twoParties({ rounds: 3 });
  const broken = { ...a, actors: null } as unknown as typeof a;
  const w = start();
  try {
    const r = await ask(w, { point: 4, scenario: broken, block: 2, seed: 1, start: 2000, end: 2010 });
    assert.is(r.ok, false);
    assert.is(r.point, 4);
    if (!r.ok) assert.is(r.block, 2);
    const again = await ask(w, { point: 5, scenario: a, block: 0, seed: 1, start: 0, end: 10 });
    assert.ok(again.ok);
  } finally {
    await w.terminate();
  }
});

test.run();
