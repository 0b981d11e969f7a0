import { Worker } from 'node:worker_threads';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BlockRunner } from '../../src/sim/block.js';
import type { BlockRequest, WorkerReply } from '../../src/sim/worker.js';
import { twoParties } from './fixtures.js';

function start(workerData?: unknown): Worker {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const target = new URL('../../src/sim/worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(target)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData });
}

const ask = (w: Worker, req: BlockRequest) => new Promise<WorkerReply>((resolve) => {
  w.once('message', resolve);
  w.postMessage(req);
});

test('a thread started with a scenario plays its blocks, echoing seq, with run columns when asked', async () => {
  const a = twoParties({ rounds: 3 });
  const w = start({ scenario: a });
  try {
    const r = await ask(w, { seq: 7, block: 2, seed: 3, start: 2000, end: 2100, keepRuns: true });
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.is(r.seq, 7);
    assert.is(r.result.block, 2);
    const here = new BlockRunner(a).run(2, 3, 2000, 2100, true);
    assert.equal(Array.from(r.result.tally.outcomes), Array.from(here.tally.outcomes));
    assert.equal(Array.from(r.result.columns!.outcome), Array.from(here.columns!.outcome));
  } finally {
    await w.terminate();
  }
});

test('one thread plays blocks of different sweep points, each with the scenario its request carries', async () => {
  const a = twoParties({ rounds: 3, lambda: 2 });
  const b = twoParties({ rounds: 3, lambda: 30 });
  const w = start();
  try {
    const ra = await ask(w, { seq: 0, point: 0, scenario: a, block: 1, seed: 5, start: 1000, end: 1300, keepRuns: false });
    const rb = await ask(w, { seq: 1, point: 1, scenario: b, block: 0, seed: 5, start: 0, end: 300, keepRuns: false });
    assert.ok(ra.ok && rb.ok);
    if (!ra.ok || !rb.ok) return;
    assert.equal([ra.seq, rb.seq], [0, 1]);
    assert.is(ra.result.block, 1);
    assert.equal(Array.from(ra.result.tally.outcomes), Array.from(new BlockRunner(a).run(1, 5, 1000, 1300, false).tally.outcomes));
    assert.equal(Array.from(rb.result.tally.outcomes), Array.from(new BlockRunner(b).run(0, 5, 0, 300, false).tally.outcomes));
    assert.is(rb.result.columns, null);
  } finally {
    await w.terminate();
  }
});

test('a block that throws is answered with ok false, its seq and block, and the thread lives on', async () => {
  const a = twoParties({ rounds: 3 });
  const broken = { ...a, actors: null } as unknown as typeof a;
  const w = start();
  try {
    const r = await ask(w, { seq: 4, point: 4, scenario: broken, block: 2, seed: 1, start: 2000, end: 2010, keepRuns: false });
    assert.is(r.ok, false);
    assert.is(r.seq, 4);
    if (!r.ok) assert.is(r.block, 2);
    const again = await ask(w, { seq: 5, point: 5, scenario: a, block: 0, seed: 1, start: 0, end: 10, keepRuns: false });
    assert.ok(again.ok);
    const bare = start();
    try {
      const none = await ask(bare, { seq: 6, block: 0, seed: 1, start: 0, end: 10, keepRuns: false });
      assert.is(none.ok, false);
    } finally {
      await bare.terminate();
    }
  } finally {
    await w.terminate();
  }
});

test.run();
