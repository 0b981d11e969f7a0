/**
 * A question's forecast is the share of runs in which its event happened, counted per run as the tally is
 * built (sim/question-event.ts), with its 95% Wilson interval: the classic asks give exactly the summary's
 * own estimates (attend, withdraw, the outcomes, accepted, held, carried_out), and every ask equals a
 * recount over the run records themselves.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { forecastQuestion, questionMetric } from '../../src/backtest/questions.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { ObservedQuestion, Scenario } from '../../src/scenario/types.js';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { questionHolds } from '../../src/sim/question-event.js';
import { newRunRecord } from '../../src/sim/run-record.js';
import { RunEngine } from '../../src/sim/run.js';
import type { CeasefireSummary, ExchangeSummary } from '../../src/stats/summary.js';
import { summarise } from '../../src/stats/summary.js';
import { wilsonInterval } from '../../src/stats/wilson-interval.js';

const RUNS = 300;
const SEED = 3;
const loaded = loadScenario('scenarios/geneva-2014.yaml').scenario as Scenario;
const idx = (id: string) => loaded.actors.findIndex((a) => a.id === id);
const cf = loaded.measures.findIndex((m) => m.id === 'aleppo_ceasefire');
const ex = loaded.measures.findIndex((m) => m.id === 'detainee_exchange');
const q = (id: string, ask: ObservedQuestion['ask'], o: Partial<ObservedQuestion> = {}): ObservedQuestion =>
  ({ id, ask, actor: -1, measure: -1, rounds: 0, byRound: -1, partial: false, framework: false, answer: false, ...o });
const questions = [
  q('snc_attends', 'attends', { actor: idx('snc') }),
  q('snc_withdraws', 'withdraws', { actor: idx('snc') }),
  q('withdrawal', 'withdrawal'), q('agreement', 'agreement'), q('stalemate', 'stalemate'), q('talks', 'talks'),
  q('cf_accepted', 'accepted', { measure: cf }), q('cf_held', 'held', { measure: cf }),
  q('cf_kept_3', 'held', { measure: cf, rounds: 3 }), q('swap', 'carried_out', { measure: ex }),
  q('snc_withdraws_by_2', 'withdraws', { actor: idx('snc'), byRound: 2 }),
  q('cf_unbroken', 'unbroken', { measure: cf }), q('snc_threatens', 'threatens', { actor: idx('snc') }),
];
const geneva: Scenario = { ...loaded, observed: { ...loaded.observed!, questions } };
const tally = await monteCarlo(geneva, { runs: RUNS, seed: SEED, workers: 1 });
const summary = summarise(geneva, tally, SEED, 'test', 'test');
const f = (id: string) => forecastQuestion(geneva, tally, questions.findIndex((x) => x.id === id));

test('the classic asks give the summary\'s own counts', () => {
  assert.equal([f('snc_attends').count, f('snc_attends').metric], [summary.actors.snc.attend!.count, 'attend snc']);
  assert.is(f('snc_withdraws').count, summary.actors.snc.withdraw!.count);
  for (const ask of ['withdrawal', 'agreement', 'stalemate'] as const) assert.is(f(ask).count, summary.outcomes[ask].count, ask);
  assert.is(f('talks').count, RUNS - summary.outcomes.no_talks.count);
  const s = summary.measures.aleppo_ceasefire as CeasefireSummary;
  assert.is(f('cf_accepted').count, s.accepted.count);
  assert.is(f('cf_held').count, s.fate.held.count);
  assert.is(f('swap').count, (summary.measures.detainee_exchange as ExchangeSummary).carried_out.count);
  assert.ok(f('snc_withdraws').count > 0 && f('snc_withdraws').count < RUNS, 'a share strictly inside (0, 1), so the check means something');
});

test('each forecast carries its Wilson interval over all runs', () => {
  const t = f('talks');
  assert.equal([t.n, t.p, t.lo, t.hi], [RUNS, t.count / RUNS, wilsonInterval(t.count, RUNS).lo, wilsonInterval(t.count, RUNS).hi]);
});

test('every ask equals a recount over the run records, and the dated and stricter ones count fewer runs', () => {
  const engine = new RunEngine(geneva);
  const rec = newRunRecord(geneva);
  const counts = new Array<number>(questions.length).fill(0);
  for (let r = 0; r < RUNS; r++) {
    engine.run(SEED, r, rec);
    questions.forEach((x, k) => { if (questionHolds(geneva, rec, x)) counts[k]++; });
  }
  questions.forEach((x, k) => assert.is(forecastQuestion(geneva, tally, k).count, counts[k], x.id));
  assert.ok(f('snc_withdraws_by_2').count <= f('snc_withdraws').count);
  assert.ok(f('cf_kept_3').count <= f('cf_accepted').count);
  assert.ok(f('cf_unbroken').count <= f('cf_accepted').count);
  assert.ok(f('snc_threatens').count >= f('snc_withdraws').count * 0.5, 'a walk-out mostly follows a triggered threat in Geneva II');
});

test('metrics name what was counted', () => {
  assert.is(questionMetric(geneva, questions[8]), 'aleppo_ceasefire kept >= 3 rounds');
  assert.is(questionMetric(geneva, questions[10]), 'withdraw snc by round 2');
  assert.is(questionMetric(geneva, q('x', 'agreement', { framework: true })), 'framework agreed');
});

test('a tally that does not match the questions is a bug and throws', () => {
  assert.throws(() => forecastQuestion(loaded, tally, 0), /the tally counts/);
});

test.run();
