import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  ceasefireRoundRows, ceasefireRoundSpec, counterfactualRows, counterfactualSpec, differenceRows, hazardRows, measureRows, OUTCOME_LABELS, outcomeRows, outcomeSpec, partyRows,
  partySpec, reliabilityRows, reliabilitySpec, scenarioRows, SENSITIVITY_TOP, sensitivityRows, sensitivitySpec, seedRows, seriesLabel, survivalRows, sweepMetrics, sweepRows, sweepSpec,
} from '../../../src/report/html/specs.js';
import { twoCases } from '../backtest-fixture.js';
import type { SweepResult } from '../../../src/stats/sweep-summary.js';
import { explanation, scenarios, seeds, summary, sweep } from './fixture.js';
import { isOutcomeDifference } from '../../../src/stats/comparison.js';
import { measurable } from '../../../src/stats/explanation.js';

const s = await summary;

/** The data rows a spec carries (top level or in its concatenated parts). */
function specRows(spec: object): unknown[] {
  const x = spec as { data?: { values: unknown[] }; vconcat?: object[]; concat?: object[]; layer?: object[] };
  if (x.data) return x.data.values;
  return [...(x.vconcat ?? []), ...(x.concat ?? []), ...(x.layer ?? [])].flatMap(specRows);
}

test('outcomes: four rows, in the JSON order, carrying the summary\'s own numbers', () => {
  const rows = outcomeRows(s);
  assert.equal(rows.map((r) => r.outcome), ['agreement', 'withdrawal', 'stalemate', 'no_talks']);
  assert.equal(rows[1], { outcome: 'withdrawal', label: OUTCOME_LABELS.withdrawal, p: 0.758, lo: s.outcomes.withdrawal.lo, hi: s.outcomes.withdrawal.hi, text: '75.8%' });
  assert.is(specRows(outcomeSpec(s)).length, 4);
  const layers = (outcomeSpec(s) as { layer: { mark: { type: string } }[] }).layer.map((l) => l.mark.type);
  assert.equal(layers, ['bar', 'errorbar', 'text']);
});

test('parties: three rows a party (attends, withdraws, withdraws on an exit trigger); the sponsor has none', () => {
  const rows = partyRows(s);
  assert.is(rows.length, 6);
  assert.equal(rows.map((r) => `${r.actor}.${r.metric}`), ['a.attend', 'a.withdraw', 'a.withdraw_on_exit', 'b.attend', 'b.withdraw', 'b.withdraw_on_exit']);
  assert.is(rows[4].p, s.actors.b.withdraw!.p);
  assert.is(rows[4].party, 'B');
  assert.is(specRows(partySpec(s)).length, 6);
});

test('survival: a row a round; hazard: a row a round and party, rounds nobody reached left out', () => {
  assert.equal(survivalRows(s).map((r) => [r.round, r.p]), s.rounds.map((r) => [r.round, r.talking.p]));
  const hz = hazardRows(s);
  const reached = s.rounds.reduce((n, r) => n + Object.values(r.withdrawal_by).filter((e) => e.n > 0).length, 0);
  assert.is(hz.length, reached);
  assert.ok(hz.length > 0 && hz.length <= 4 * 2);
  const r2b = hz.find((r) => r.round === 2 && r.actor === 'b')!;
  assert.is(r2b.p, s.rounds[1].withdrawal_by.b.p);
});

test('the ceasefire over rounds: a row a round; its fate: accepted, held, broken, broken by each side and both, rejected, never offered', () => {
  assert.equal(ceasefireRoundRows(s).map((r) => r.p), s.rounds.map((r) => r.ceasefire_kept.truce.p));
  assert.is(specRows(ceasefireRoundSpec(s)).length, 4);
  const m = measureRows(s);
  assert.is(m.length, 8);
  assert.equal(m.map((r) => r.label), [
    'accepted', 'held to the end of the talks', 'called off over violations', '… over violations by A', '… over violations by B',
    '… over violations by both sides', 'rejected', 'never offered (the talks ended first)',
  ]);
  const truce = s.measures.truce;
  assert.ok(truce.kind === 'ceasefire');
  if (truce.kind === 'ceasefire') assert.is(m[3].p, truce.broken_by.a.p);
});

test('compare: a row a seed and outcome with the pooled estimate; a row a scenario and outcome; a row a difference', async () => {
  const c = await seeds;
  const rows = seedRows(c);
  assert.is(rows.length, 3 * 4);
  assert.equal(rows[5], { seed: '2', outcome: OUTCOME_LABELS.withdrawal, ...{ p: c.seeds[1].outcomes.withdrawal.p, lo: c.seeds[1].outcomes.withdrawal.lo, hi: c.seeds[1].outcomes.withdrawal.hi }, text: rows[5].text, pooled: c.homogeneity.withdrawal.pooled.p, pooled_lo: c.homogeneity.withdrawal.pooled.lo, pooled_hi: c.homogeneity.withdrawal.pooled.hi });
  const d = await scenarios;
  assert.is(scenarioRows(d).length, 2 * 4);
  assert.equal(scenarioRows(d).map((r) => r.scenario).slice(3, 5), ['A: baseline', 'B: with --set']);
  const diffs = differenceRows(d);
  assert.is(diffs.length, 4);
  const outcomeDiffs = d.differences.filter(isOutcomeDifference); // the chart's; parties and measures are in the report's table
  assert.equal(diffs.map((r) => [r.d, r.lo, r.hi]), outcomeDiffs.map((x) => [x.d, x.lo, x.hi]));
  assert.ok(diffs.every((r) => r.flagged === (outcomeDiffs[diffs.indexOf(r)].flagged ? 'interval excludes 0' : 'interval includes 0')));
});

test('sweep: the headline metrics (4 outcomes, attend and withdraw a party, accepted and held a ceasefire) at every point', async () => {
  const r = await sweep;
  const metrics = sweepMetrics(r);
  assert.equal(metrics.map((m) => m.key), [
    'outcome.agreement', 'outcome.withdrawal', 'outcome.stalemate', 'outcome.no_talks',
    'attend.a', 'withdraw.a', 'attend.b', 'withdraw.b', 'truce.accepted', 'truce.held',
  ]);
  const rows = sweepRows(r);
  assert.is(rows.length, 10 * 10);
  const row = rows.find((x) => x.metric === 'withdraw.b' && x.x === 0.25)!;
  assert.is(row.p, r.points[5].summary.actors.b.withdraw!.p);
  assert.is(specRows(sweepSpec(r)).length, 100);
  assert.is((sweepSpec(r) as { concat: unknown[] }).concat.length, 10); // a small chart a metric
});

test('a sweep over two values draws a line for each value of the second', () => {
  const r = { vary: [{ path: 'a' }, { path: 'b' }] } as unknown as SweepResult;
  assert.is(seriesLabel(r, [1, 0.5]), '0.5');
  const r3 = { vary: [{ path: 'a' }, { path: 'b' }, { path: 'c' }] } as unknown as SweepResult;
  assert.is(seriesLabel(r3, [1, 0.5, 2]), 'b=0.5, c=2');
});

test('reliability: a point a tenth that holds questions, with its share of yes and interval; the bars below count all ten', () => {
  const card = twoCases().scorecards.negsim;
  const rows = reliabilityRows(card);
  assert.equal(rows.map((r) => [r.bin, r.n, r.meanP, r.freq, r.text]), [[2, 1, 0.2, 0, '0/1'], [6, 1, 0.65, 1, '1/1'], [7, 1, 0.7, 1, '1/1'], [9, 3, (0.9 + 0.95 + 1) / 3, 1, '3/3']]);
  assert.is(rows[0].freqHi, card.reliability[2].freqHi);
  const spec = reliabilitySpec(card) as unknown as { vconcat: object[] };
  assert.is(spec.vconcat.length, 2);
  // the diagonal's one row, the four points, the ten bars
  assert.is(specRows(spec).length, 1 + 4 + 10);
});

test('explain: two rows (first order, total) for each of an outcome\'s top inputs above 0; a row a preference for each outcome some preference moves', async () => {
  const e = await explanation;
  const rows = sensitivityRows(e);
  assert.equal(specRows(sensitivitySpec(e)), rows);
  for (const o of e.sensitivity.outcomes) {
    const mine = rows.filter((r) => r.outcome === o.outcome);
    const positive = o.indices.filter((x) => x.total.estimate > 0).slice(0, SENSITIVITY_TOP);
    if (!(measurable(o) && o.p > 0 && o.p < 1)) {
      assert.is(mine.length, 0, o.outcome);
      continue;
    }
    assert.is(mine.length, 2 * positive.length, o.outcome);
    positive.forEach((x, r) => {
      // (as text: uvu's deep equality takes NaN, an interval the bootstrap cannot bound, for unequal to itself)
      assert.equal(mine.filter((y) => y.path === x.input).map((y) => [y.index, y.estimate, y.lo, y.hi].map(String)),
        [['first order', x.first.estimate, x.first.lo, x.first.hi].map(String), ['total', x.total.estimate, x.total.lo, x.total.hi].map(String)], `${o.outcome} ${r}`);
    });
  }
  assert.ok(rows.length > 0);
  const cf = counterfactualRows(e);
  assert.equal(specRows(counterfactualSpec(e)), cf);
  const moved = new Set(e.counterfactual!.preferences.flatMap((p) => p.effects.filter((x) => x.flagged).map((x) => x.outcome)));
  assert.is(cf.length, moved.size * e.counterfactual!.preferences.length);
  for (const r of cf) {
    const x = e.counterfactual!.preferences.find((p) => p.path === r.path)!.effects.find((y) => y.outcome === r.outcome)!;
    assert.equal([r.d, r.lo, r.hi, r.flagged === 'interval excludes 0'], [x.difference.d, x.difference.lo, x.difference.hi, x.flagged]);
  }
});

test.run();
