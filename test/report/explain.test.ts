import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXPLAIN_HEADER, explainCsv, explainJson, explainTable, hingeSentence } from '../../src/report/explain.js';
import { loadScenario } from '../../src/scenario/load.js';
import { explainScenario } from '../../src/sim/explain.js';
import type { InputInfo, OutcomeSensitivity } from '../../src/stats/explanation.js';

/** RFC 4180 records as objects keyed by the header (quoted fields, doubled quotes, CRLF). */
function parse(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '', record: string[] = [], quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; } else field += c;
  }
  const [head, ...rows] = records;
  return rows.map((r) => Object.fromEntries(head.map((h, k) => [h, r[k]])));
}

const geneva = loadScenario('scenarios/geneva-2014.yaml').scenario!;
const e = await explainScenario(geneva, { id: geneva.id, title: geneva.title, file: 'geneva-2014.yaml', hash: geneva.hash, overrides: { 'model.lambda': 20 } }, 'test',
  { rows: 12, inner: 2, seed: 4, workers: 1, grouping: 'preference', counterfactualRuns: 150, resamples: 50 });

const belief: InputInfo = {
  path: 'actors.snc.beliefs.gov', kind: 'belief', short: 'snc: belief gov sincere', params: ['actors.snc.beliefs.gov.sincere'],
  label: 'the belief of the coalition that the government is sincere', quote: 'declaring cease-fires only to buy time',
};
const est = (estimate: number, lo: number, hi: number) => ({ estimate, lo, hi });
function sensitivity(p: number, first: [number, number, number], total: [number, number, number], inputVariance = 0.02): OutcomeSensitivity {
  return {
    outcome: 'agreement', label: 'agreement', p, run_variance: p * (1 - p), input_variance: inputVariance, chance: est(0.8, 0.7, 0.9),
    indices: [{ input: belief.path, first: est(...first), total: est(...total) }],
  };
}

test('the sentence of the issue: what P(outcome) hinges on, with the quotation behind it, when it measurably does', () => {
  assert.is(hingeSentence(sensitivity(0.3, [0.4, 0.3, 0.5], [0.52, 0.4, 0.6]), [belief]),
    "P(agreement) hinges on the belief of the coalition that the government is sincere ('declaring cease-fires only to buy time'): 40.0% of its variance alone, 52.0% with its interactions.");
  assert.is(hingeSentence(sensitivity(0.3, [0.1, -0.2, 0.4], [0.52, 0.4, 0.6]), [belief]),
    "P(agreement) hinges on the belief of the coalition that the government is sincere ('declaring cease-fires only to buy time'): 52.0% of its variance with its interactions (alone: not distinguishable from 0).");
  assert.is(hingeSentence(sensitivity(0.3, [0.1, -0.2, 0.4], [0.2, -0.1, 0.6]), [belief]),
    'P(agreement): no input accounts for a measurable share of its variance at this sample size.');
  assert.is(hingeSentence(sensitivity(0.3, [0.4, 0.3, 0.5], [0.52, 0.4, 0.6], -0.001), [belief]),
    'P(agreement): no input accounts for a measurable share of its variance at this sample size.');
  assert.is(hingeSentence(sensitivity(0, [NaN, NaN, NaN], [NaN, NaN, NaN]), [belief]), "P(agreement): it never happened in the design's runs; nothing to explain.");
  // an interval wider than half the scale is not read as a share
  assert.is(hingeSentence(sensitivity(0.02, [5.2, 0.3, 9], [6.7, 1.2, 12.1]), [belief]),
    "P(agreement) hinges most on the belief of the coalition that the government is sincere ('declaring cease-fires only to buy time'), by how much is not pinned down at this sample size (total index 6.70 [1.20, 12.1]; more --runs).");
  // a share a little past 100% (sampling error) reads as 100%
  assert.match(hingeSentence(sensitivity(0.3, [0.98, 0.9, 1.1], [1.02, 0.95, 1.1]), [belief]), ': 98.0% of its variance alone, 100.0% with its interactions.');
  const noQuote = { ...belief, quote: undefined };
  assert.ok(hingeSentence(sensitivity(0.3, [0.4, 0.3, 0.5], [0.52, 0.4, 0.6]), [noQuote]).includes("(no quotation: the analyst's judgement)"));
});

test('the text fits 80 columns, names the seed, runs and overrides, and lists outcomes, inputs by path and preferences', () => {
  const text = explainTable(e);
  const lines = text.split('\n');
  for (const l of lines) assert.ok(l.length <= 80, `${l.length}: ${l}`);
  assert.ok(text.startsWith('What drives the forecast: Geneva II, Montreux, 22 January 2014\n'));
  assert.ok(text.includes('seed 4, seedrandom.xor4096. Sensitivity: 12 rows x 38 evaluations x 2 runs = 912'));
  assert.ok(text.includes('overrides: model.lambda=20'));
  assert.ok(text.includes('Counterfactuals: 150 runs each'));
  for (const o of e.sensitivity.outcomes) assert.ok(text.includes(`\n${o.outcome}:`), o.outcome);
  assert.ok(text.includes('actors.snc.preferences.0 \'The opposition has remained adamant'));
  assert.ok(text.includes("P(Syrian National Coalition (al-Maleh) withdraws)"));
  // every preference once in the counterfactual list, ranked
  for (const p of e.counterfactual!.preferences) assert.is(text.split(`\n     ${p.path}`).length - 1 >= 1, true, p.path);
  assert.ok(/\n {2}1 {2}\S/.test(text));
  // --top 2: two inputs an outcome
  const two = explainTable(e, undefined, 2);
  assert.ok(!two.includes('\n  3  ') || two.indexOf('\n  3  ') > two.indexOf('Counterfactuals'));
});

test('CSV: one row a number, every row with the seed, the run counts, the sha256 and the overrides; JSON holds the same', () => {
  const rows = parse(explainCsv(e));
  const k = e.sensitivity.inputs.length, q = e.sensitivity.outcomes.length, p = e.counterfactual!.preferences.length;
  assert.is(rows.length, q * (2 + 2 * k) + p * q * 3);
  assert.equal(Object.keys(rows[0]), EXPLAIN_HEADER);
  for (const r of rows) {
    assert.is(r.seed, '4');
    assert.is(r.scenario_sha256, geneva.hash);
    assert.is(r.overrides, 'model.lambda=20');
    assert.is(r.n, r.view === 'sensitivity' ? '12' : '150');
  }
  const json = JSON.parse(explainJson(e));
  const belief = rows.find((r) => r.view === 'sensitivity' && r.outcome === 'withdraw.snc' && r.input === 'actors.snc.beliefs.gov' && r.statistic === 'total')!;
  const fromJson = json.sensitivity.outcomes.find((o: OutcomeSensitivity) => o.outcome === 'withdraw.snc').indices.find((x: { input: string }) => x.input === 'actors.snc.beliefs.gov');
  assert.ok(Math.abs(Number(belief.estimate) - fromJson.total.estimate) < 1e-6 * Math.max(1, Math.abs(fromJson.total.estimate)));
  assert.ok(belief.quote.includes('declaring cease-fires only to buy time'));
  assert.equal([json.seed, json.sensitivity.runs, json.counterfactual.runs], [4, 12, 150]);
});

test.run();
