import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseNfg } from '../../../src/model/nfg.js';
import { LogitQreSolver } from '../../../src/model/logit-qre.js';
import { FallbackTrace } from '../../../src/model/qre/fallback-trace.js';
import { SolveStats } from '../../../src/model/qre/system.js';
import { maxDiff } from '../random-games.js';

const fixture = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'qre', 'random-3p-3a.nfg');
const game = parseNfg(readFileSync(fixture, 'utf8')).game;
const range = Math.max(...game.payoffs) - Math.min(...game.payoffs);

test('doc example: random-3p-3a at lambda 2000 (lambda R = 19,340): relabelled once, landed with a residual estimate of 4e-14', () => {
  const fallback = new FallbackTrace(new SolveStats());
  assert.ok(fallback.run(game, 2000 * range, Infinity, 0, null), fallback.failure);
  const stats = fallback.sys.stats;
  assert.equal([stats.relabellings, stats.fallbacks, stats.steps, stats.evaluations], [1, 1, 20, 50]);
  assert.ok(stats.residual < 1e-13, String(stats.residual));
  const out = new Float64Array(9);
  fallback.profile(out);
  assert.ok(Math.abs(out[2] - 0.5175376) < 1e-6 && Math.abs(out[8] - 0.8899123) < 1e-6, String(out));
});

test('where the fast trace works, the fallback finds the same point (the same branch in other coordinates)', () => {
  const fallback = new FallbackTrace(new SolveStats());
  const fast = new LogitQreSolver();
  for (const lambda of [0.3, 3, 30]) {
    assert.ok(fallback.run(game, lambda * range, Infinity, 0, null));
    const out = new Float64Array(9);
    fallback.profile(out);
    assert.ok(maxDiff(out, fast.solve(game, lambda)) < 1e-10, `lambda ${lambda}`);
  }
});

test.run();
