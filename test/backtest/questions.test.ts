/**
 * Each ask reads its metric of the Monte Carlo (questions.ts): the summary's estimate for attends,
 * withdraws, the outcomes, accepted, held to the end and carried_out; 1 - no_talks for talks; and for held
 * with rounds, the runs whose record shows the ceasefire accepted and kept that many rounds, counted here
 * from the run records themselves.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { newHeldRounds, addHeldRounds } from '../../src/backtest/held-rounds.js';
import { forecastQuestion, needsHeldRounds } from '../../src/backtest/questions.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { ObservedQuestion, Scenario } from '../../src/scenario/types.js';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { CF_BROKEN, CF_HELD, newRunRecord } from '../../src/sim/run-record.js';
import { RunEngine } from '../../src/sim/run.js';
import type { CeasefireSummary, ExchangeSummary } from '../../src/stats/summary.js';
import { summarise } from '../../src/stats/summary.js';
import { wilsonInterval } from '../../src/stats/wilson-interval.js';

const RUNS = 300;
const SEED = 3;
const geneva = loadScenario('scenarios/geneva-2014.yaml').scenario as Scenario;
const held = newHeldRounds(geneva);
const tally = await monteCarlo(geneva, { runs: RUNS, seed: SEED, workers: 1, keepRuns: true, onBlock: (b) => addHeldRounds(held, geneva, b.columns!) });
const summary = summarise(geneva, tally, SEED, 'test', 'test');
const q = (ask: ObservedQuestion['ask'], o: Partial<ObservedQuestion> = {}): ObservedQuestion =>
  ({ id: 'q', ask, actor: -1, measure: -1, rounds: 0, answer: false, ...o });

test('attends and withdraws read attend[actor] and withdraw[actor]', () => {
  const snc = geneva.actors.findIndex((a) => a.id === 'snc');
  const a = forecastQuestion(geneva, summary, q('attends', { actor: snc }), null);
  assert.equal([a.metric, a.p, a.lo, a.hi, a.n], ['attend snc', summary.actors.snc.attend!.p, summary.actors.snc.attend!.lo, summary.actors.snc.attend!.hi, RUNS]);
  const w = forecastQuestion(geneva, summary, q('withdraws', { actor: snc }), null);
  assert.is(w.metric, 'withdraw snc');
  assert.is(w.count, summary.actors.snc.withdraw!.count);
  assert.ok(w.count > 0 && w.count < RUNS, 'a share strictly inside (0, 1), so the check means something');
});

test('withdrawal, agreement and stalemate read the outcomes; talks is 1 - no_talks with its own Wilson interval', () => {
  for (const ask of ['withdrawal', 'agreement', 'stalemate'] as const) {
    const f = forecastQuestion(geneva, summary, q(ask), null);
    assert.is(f.metric, `outcome.${ask}`);
    assert.is(f.count, summary.outcomes[ask].count);
  }
  const t = forecastQuestion(geneva, summary, q('talks'), null);
  const nt = summary.outcomes.no_talks.count;
  assert.is(t.count, RUNS - nt);
  assert.is(t.p, (RUNS - nt) / RUNS);
  assert.equal([t.lo, t.hi], [wilsonInterval(RUNS - nt, RUNS).lo, wilsonInterval(RUNS - nt, RUNS).hi]);
  // the shares of the four outcomes and of talks add up as they must
  const all = ['agreement', 'withdrawal', 'stalemate'].reduce((n, k) => n + forecastQuestion(geneva, summary, q(k as 'agreement'), null).count, 0);
  assert.is(all, t.count);
});

test('accepted, held (to the end) and carried_out read the measure summaries', () => {
  const cf = geneva.measures.findIndex((m) => m.id === 'aleppo_ceasefire');
  const ex = geneva.measures.findIndex((m) => m.id === 'detainee_exchange');
  const s = summary.measures.aleppo_ceasefire as CeasefireSummary;
  assert.is(forecastQuestion(geneva, summary, q('accepted', { measure: cf }), null).count, s.accepted.count);
  const end = forecastQuestion(geneva, summary, q('held', { measure: cf }), null);
  assert.equal([end.metric, end.count], ['aleppo_ceasefire.held', s.fate.held.count]);
  const c = forecastQuestion(geneva, summary, q('carried_out', { measure: ex }), null);
  assert.equal([c.metric, c.count], ['detainee_exchange.carried_out', (summary.measures.detainee_exchange as ExchangeSummary).carried_out.count]);
});

test('held with rounds N counts the runs whose ceasefire was accepted and kept at least N rounds, as the run records say', () => {
  const cf = geneva.measures.findIndex((m) => m.id === 'aleppo_ceasefire');
  assert.ok(needsHeldRounds(q('held', { measure: cf, rounds: 2 })));
  assert.not.ok(needsHeldRounds(q('held', { measure: cf })));
  const engine = new RunEngine(geneva);
  const rec = newRunRecord(geneva);
  const byRecord = new Array<number>(geneva.rounds + 2).fill(0);
  for (let r = 0; r < RUNS; r++) {
    engine.run(SEED, r, rec);
    const fate = rec.measureFate[cf];
    if (fate !== CF_HELD && fate !== CF_BROKEN) continue;
    for (let n = 0; n <= rec.heldRounds[cf]; n++) byRecord[n]++;
  }
  const s = summary.measures.aleppo_ceasefire as CeasefireSummary;
  assert.is(byRecord[0], s.accepted.count, 'kept at least 0 rounds = accepted');
  for (const n of [1, 3, geneva.rounds]) {
    const f = forecastQuestion(geneva, summary, q('held', { measure: cf, rounds: n }), held);
    assert.is(f.count, byRecord[n], `rounds ${n}`);
    assert.is(f.metric, `aleppo_ceasefire kept >= ${n} rounds`);
  }
  assert.ok(byRecord[1] > byRecord[geneva.rounds], 'fewer runs keep it every round than one round');
  assert.throws(() => forecastQuestion(geneva, summary, q('held', { measure: cf, rounds: 2 }), null), /needs the rounds-kept histogram/);
});

test.run();
