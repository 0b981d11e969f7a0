import seedrandom from 'seedrandom';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { PreferenceEntry } from '../../src/scenario/preference-entries.js';
import type { UncertainInput } from '../../src/scenario/uncertain-inputs.js';
import { counterfactualView, sensitivityView } from '../../src/stats/explanation.js';
import type { HeadlineOutcome } from '../../src/stats/headline.js';
import { pairedNewcombeDifference } from '../../src/stats/newcombe-difference.js';
import { bootstrapCounts } from '../../src/stats/sobol.js';
import { crossA, crossB, CROSS_AB, rowWidth, SUM_A, SUM_B, sumAB } from '../../src/stats/sobol-batch.js';

const input = (path: string, quote?: string): UncertainInput => ({ path, kind: 'position', short: path, label: path, params: [path], slots: [0], ...(quote ? { quote } : {}) });
const outcome = (key: string): HeadlineOutcome => ({ key, metric: key, actor: '', label: key });

/**
 * Two outputs over inputs x1, x2 uniform, M runs an evaluation: output 0 happens in every run when x2 > 0.5
 * (x1 does nothing, nothing is left to chance); output 1 never happens.
 */
function sums(n: number, m: number): Float64Array {
  const rng = seedrandom.xor4096('explanation');
  const k = 2, w = rowWidth(k), out = new Float64Array(n * 2 * w);
  for (let j = 0; j < n; j++) {
    const a = [rng(), rng()], b = [rng(), rng()];
    const y = (x2: number) => (x2 > 0.5 ? m : 0);
    const o = j * 2 * w;
    const yA = y(a[1]), yB = y(b[1]);
    out[o + SUM_A] = yA; out[o + SUM_B] = yB; out[o + CROSS_AB] = Math.min(yA, yB);
    for (let i = 0; i < k; i++) {
      const yAB = y(i === 1 ? b[1] : a[1]);
      out[o + sumAB(i)] = yAB; out[o + crossA(k, i)] = Math.min(yA, yAB); out[o + crossB(k, i)] = Math.min(yB, yAB);
    }
  }
  return out;
}

test('sensitivity: inputs ranked by total index, the deciding one first; chance carries nothing of a deterministic outcome; an outcome that never happens has no indices', () => {
  const n = 400, m = 4;
  const v = sensitivityView([outcome('decided'), outcome('never')], [input('x1'), input('x2', 'it decides')], {
    sums: sums(n, m), rows: n, inner: m, grouping: 'preference', resamples: bootstrapCounts(n, 200, seedrandom.xor4096('b')),
  });
  assert.equal([v.runs, v.inner, v.evaluations, v.model_runs, v.resamples], [400, 4, 4, 400 * 4 * 4, 200]);
  assert.equal(v.inputs.map((i) => [i.path, i.quote]), [['x1', undefined], ['x2', 'it decides']]);
  const [decided, never] = v.outcomes;
  assert.equal(decided.indices.map((x) => x.input), ['x2', 'x1']);
  assert.ok(Math.abs(decided.indices[0].total.estimate - 1) < 0.05);
  assert.ok(Math.abs(decided.indices[0].first.estimate - 1) < 0.1);
  assert.equal([decided.indices[1].first.estimate, decided.indices[1].total.estimate], [0, 0]);
  assert.is(decided.chance.estimate, 0);
  assert.ok(Math.abs(decided.p - 0.5) < 0.05);
  assert.ok(Math.abs(decided.run_variance - decided.p * (1 - decided.p)) < 1e-12);
  assert.is(never.p, 0);
  assert.ok(Number.isNaN(never.indices[0].total.estimate));
  assert.equal(never.indices.map((x) => x.input), ['x1', 'x2']);
});

test('counterfactual: each outcome of the switched-off scenario beside the baseline, with the paired difference of compare', () => {
  const baseline = { outcomes: Uint8Array.from([0, 0, 1, 1, 2, 0, 1, 0]), events: [Uint8Array.from([1, 1, 1, 1, 0, 1, 1, 1])] };
  const off = { outcomes: Uint8Array.from([0, 0, 0, 0, 0, 0, 1, 0]), events: [Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 1])] };
  const entry = { path: 'actors.a.preferences.0', kind: 'exit', actor: 0, index: 0, short: 'a: exit', label: 'the exit threat of A', quote: 'we leave', slots: [] } as PreferenceEntry;
  const v = counterfactualView(['agreement', 'withdrawal', 'stalemate', 'no_talks', 'attend.a'].map(outcome), 4, baseline, [{ entry, runs: off }]);
  assert.is(v.runs, 8);
  const [p] = v.preferences;
  assert.equal([p.path, p.quote, p.params], ['actors.a.preferences.0', 'we leave', []]);
  const agreement = p.effects[0];
  assert.equal([agreement.baseline.p, agreement.switched_off.p], [4 / 8, 7 / 8]);
  // runs 2, 3 and 4 become agreements: e = 4 both, f = 3 switched off only, g = 0, h = 1
  assert.equal(agreement.difference, pairedNewcombeDifference(4, 3, 0, 1));
  assert.is(agreement.flagged, agreement.difference.lo > 0);
  const attend = p.effects[4];
  assert.equal([attend.baseline.p, attend.switched_off.p, attend.difference.d], [7 / 8, 1, 1 / 8]);
});

test.run();
