/**
 * The report's charts as Vega-Lite specifications (Satyanarayan et al. 2017, "Vega-Lite: A Grammar of
 * Interactive Graphics"), built from the same summary objects `--json` prints: each chart's rows are read
 * from a Summary (run), a SeedComparison or ScenarioComparison (compare) or a SweepResult (sweep), never
 * recomputed. A row builder (`outcomeRows`, ...) returns the chart's data, so a test can count and check it;
 * the spec builder wraps the rows in the chart. render-svg.ts turns a spec into SVG.
 *
 * Every probability is drawn with its 95% interval (whiskers, or a band over rounds and sweep values);
 * axes are labelled with what is counted and over which runs.
 *
 * @example
 * outcomeRows(summary).length   // 4: agreement, withdrawal, stalemate, no_talks
 * outcomeSpec(summary).layer!.length // 3: bars, interval whiskers, labels
 */
import type { TopLevelSpec } from 'vega-lite';
import type { OutcomeName } from '../../sim/run-record.js';
import { isOutcomeDifference, type ScenarioComparison, type SeedComparison } from '../../stats/comparison.js';
import type { Estimate, Summary } from '../../stats/summary.js';
import type { SweepResult } from '../../stats/sweep-summary.js';
import type { Scorecard } from '../../backtest/scorecard.js';
import { measurable, type Explanation } from '../../stats/explanation.js';
import { percent, points } from './format.js';

/**
 * Helvetica and the fonts made with its widths (Arial, Liberation Sans), whose widths text-width.ts
 * lays the charts out with; the page (page.ts) uses the same, so chart text matches the prose.
 */
export const FONT = 'Helvetica, Arial, "Liberation Sans", "Nimbus Sans", sans-serif';
/** Plot width in CSS pixels; the page scales the SVG down on narrow screens. */
export const WIDTH = 560;

export const OUTCOME_LABELS: Record<OutcomeName, string> = {
  agreement: 'Agreement',
  withdrawal: 'A party withdraws',
  stalemate: 'Stalemate (no deal by the last round)',
  no_talks: 'No talks (an essential party boycotts)',
};
/** Each outcome's colour: its bar in the outcome chart, its key figure in the run report's header. */
export const OUTCOME_COLORS: Record<OutcomeName, string> = {
  agreement: '#2e7d32', withdrawal: '#c62828', stalemate: '#d39e00', no_talks: '#546e7a',
};
/** A ceasefire's fates as the measure chart and the run report's measure table name them. */
export const FATE_LABELS = {
  not_offered: 'never offered (the talks ended first)', rejected: 'rejected', held: 'held to the end of the talks', broken: 'called off over violations',
} as const;

/** Who broke a ceasefire (a `broken_by` key), by name: an actor's name, or `both sides`. */
export function breakerName(s: Pick<Summary, 'actors'>, who: string): string {
  return who === 'both' ? 'both sides' : s.actors[who]?.name ?? who;
}

const PARTY_METRICS = [
  ['attend', 'attends the talks', '#1565c0'],
  ['withdraw', 'withdraws (any reason)', '#c62828'],
  ['withdraw_on_exit', 'withdraws on a stated exit trigger', '#ef8a80'],
] as const;

/** Percent ticks; `~` drops trailing zeros, so small scales read 0.5%, 1%, 1.5% rather than 1%, 1%, 2%. */
const PCT_AXIS = { format: '.1~%' } as const;

const CONFIG = {
  font: FONT,
  background: 'white',
  padding: 8,
  view: { stroke: null },
  axis: {
    labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', titleColor: '#333', labelColor: '#333',
    gridColor: '#ececec', domainColor: '#999', tickColor: '#999', titlePadding: 10, labelLimit: 320,
  },
  legend: { symbolOpacity: 1, labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', titleColor: '#333', labelColor: '#333', orient: 'bottom', direction: 'horizontal', labelLimit: 300 },
  header: { labelFontSize: 12, titleFontSize: 12, labelColor: '#333', labelFontWeight: 600 },
  range: { category: ['#1f77b4', '#e45756', '#54a24b', '#b279a2', '#f58518', '#72b7b2', '#9d755d', '#eeca3b', '#ff9da6', '#bab0ac'] },
} as const;

/** A spec with the report's look. */
function chart(spec: Record<string, unknown>): TopLevelSpec {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: CONFIG, ...spec } as unknown as TopLevelSpec;
}

/** One estimate as a chart row: the numbers of the JSON, and the text shown next to the bar. */
interface EstimateRow { p: number; lo: number; hi: number; text: string }
function est(e: Estimate): EstimateRow {
  return { p: e.p, lo: e.lo, hi: e.hi, text: percent(e.p) };
}

/** Bars with whiskers for the 95% interval and the estimate written past the whisker. */
function barLayers(color: Record<string, unknown>, yOffset?: Record<string, unknown>): Record<string, unknown>[] {
  const off = yOffset ? { yOffset } : {};
  return [
    { mark: { type: 'bar', cornerRadiusEnd: 2 }, encoding: { x: { field: 'p', type: 'quantitative' }, color, ...off } },
    { mark: { type: 'errorbar', ticks: { size: 6 }, color: '#222', thickness: 1.2 }, encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, ...off } },
    { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, fontSize: 11, color: '#222' }, encoding: { x: { field: 'hi', type: 'quantitative' }, text: { field: 'text' }, ...off } },
  ];
}

// ---------------------------------------------------------------- run: one scenario's summary

export function outcomeRows(s: Summary): (EstimateRow & { outcome: OutcomeName; label: string })[] {
  return (Object.keys(s.outcomes) as OutcomeName[]).map((o) => ({ outcome: o, label: OUTCOME_LABELS[o], ...est(s.outcomes[o]) }));
}

export function outcomeSpec(s: Summary): TopLevelSpec {
  const rows = outcomeRows(s);
  return chart({
    width: WIDTH,
    height: { step: 34 },
    data: { values: rows },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelFontSize: 12 } },
      x: { type: 'quantitative', scale: { domain: [0, 1] }, axis: PCT_AXIS, title: 'Share of runs (bars: estimate; whiskers: 95% Wilson interval)' },
    },
    layer: barLayers({
      field: 'label', type: 'nominal', legend: null,
      scale: { domain: rows.map((r) => r.label), range: rows.map((r) => OUTCOME_COLORS[r.outcome]) },
    }),
  });
}

/** Each party: attends, withdraws, withdraws on an exit trigger (three rows a party). */
export function partyRows(s: Summary): (EstimateRow & { actor: string; party: string; metric: string; label: string })[] {
  const rows: (EstimateRow & { actor: string; party: string; metric: string; label: string })[] = [];
  for (const [id, a] of Object.entries(s.actors)) {
    for (const [metric, label] of PARTY_METRICS) {
      const e = a[metric];
      if (e) rows.push({ actor: id, party: a.name, metric, label, ...est(e) });
    }
  }
  return rows;
}

export function partySpec(s: Summary): TopLevelSpec {
  const color = {
    field: 'label', type: 'nominal', title: null, sort: null,
    scale: { domain: PARTY_METRICS.map((m) => m[1]), range: PARTY_METRICS.map((m) => m[2]) },
  };
  return chart({
    width: WIDTH,
    height: { step: 20 },
    data: { values: partyRows(s) },
    encoding: {
      y: { field: 'party', type: 'nominal', sort: null, title: null, scale: { paddingInner: 0.3, paddingOuter: 0.15 } },
      x: { type: 'quantitative', scale: { domain: [0, 1] }, axis: PCT_AXIS, title: 'Share of runs (whiskers: 95% Wilson interval)' },
    },
    layer: barLayers(color, { field: 'label', sort: null }),
  });
}

/** Share of all runs still talking at the start of each round. */
export function survivalRows(s: Summary): (EstimateRow & { round: number })[] {
  return s.rounds.map((r) => ({ round: r.round, ...est(r.talking) }));
}

/** x: rounds as whole numbers, from the first to the last. */
function roundAxis(s: Summary): Record<string, unknown> {
  const last = Math.max(1, s.rounds.length);
  return {
    field: 'round', type: 'quantitative', title: 'Round of the talks',
    scale: { domain: [1, last], nice: false }, axis: { tickMinStep: 1, format: 'd', values: last <= 20 ? s.rounds.map((r) => r.round) : undefined },
  };
}

/** A line over rounds with its 95% band; `color` splits it into series. */
function bandLayers(yTitle: string, color?: Record<string, unknown>, yScale: Record<string, unknown> = { zero: true }): Record<string, unknown>[] {
  const c = color ? { color } : {};
  return [
    { mark: { type: 'area', opacity: 0.18, ...(color ? {} : { color: '#1565c0' }) }, encoding: { y: { field: 'lo', type: 'quantitative', scale: yScale, axis: PCT_AXIS, title: yTitle }, y2: { field: 'hi' }, ...c } },
    { mark: { type: 'line', strokeWidth: 2, ...(color ? {} : { color: '#1565c0' }) }, encoding: { y: { field: 'p', type: 'quantitative' }, ...c } },
    { mark: { type: 'point', filled: true, size: 36, opacity: 1, ...(color ? {} : { color: '#1565c0' }) }, encoding: { y: { field: 'p', type: 'quantitative' }, ...c } },
  ];
}

export function survivalSpec(s: Summary): TopLevelSpec {
  return chart({
    width: WIDTH, height: 220,
    data: { values: survivalRows(s) },
    encoding: { x: roundAxis(s) },
    layer: bandLayers('Still talking at the round’s start (share of all runs)', undefined, { domain: [0, 1] }),
  });
}

/**
 * Each party's withdrawal hazard: of the runs still talking at a round's start, the share in which that
 * party walked out in the round. Rounds no run reached have no hazard and no row.
 */
export function hazardRows(s: Summary): (EstimateRow & { round: number; actor: string; party: string })[] {
  const rows: (EstimateRow & { round: number; actor: string; party: string })[] = [];
  for (const r of s.rounds) {
    for (const [id, e] of Object.entries(r.withdrawal_by)) {
      if (e.n > 0) rows.push({ round: r.round, actor: id, party: s.actors[id]?.name ?? id, ...est(e) });
    }
  }
  return rows;
}

export function hazardSpec(s: Summary): TopLevelSpec {
  return chart({
    width: WIDTH, height: 220,
    data: { values: hazardRows(s) },
    encoding: { x: roundAxis(s) },
    layer: bandLayers('Withdrew in the round (share of runs still talking)', { field: 'party', type: 'nominal', title: null, sort: null }),
  });
}

/** Per ceasefire and round: the share of all runs in which it is in force and kept. */
export function ceasefireRoundRows(s: Summary): (EstimateRow & { round: number; measure: string })[] {
  const rows: (EstimateRow & { round: number; measure: string })[] = [];
  for (const r of s.rounds) {
    for (const [id, e] of Object.entries(r.ceasefire_kept)) rows.push({ round: r.round, measure: id, ...est(e) });
  }
  return rows;
}

export function ceasefireRoundSpec(s: Summary): TopLevelSpec {
  const rows = ceasefireRoundRows(s);
  const several = new Set(rows.map((r) => r.measure)).size > 1;
  return chart({
    width: WIDTH, height: 200,
    data: { values: rows },
    encoding: { x: roundAxis(s) },
    layer: bandLayers('In force and kept in the round (share of all runs)',
      several ? { field: 'measure', type: 'nominal', title: null, sort: null } : undefined, { domain: [0, 1] }),
  });
}

/** How each measure ended: a ceasefire's fates and who broke it; an exchange carried out or not. */
export function measureRows(s: Summary): (EstimateRow & { measure: string; label: string })[] {
  const rows: (EstimateRow & { measure: string; label: string })[] = [];
  for (const [id, m] of Object.entries(s.measures)) {
    if (m.kind === 'ceasefire') {
      rows.push({ measure: id, label: 'accepted', ...est(m.accepted) });
      rows.push({ measure: id, label: FATE_LABELS.held, ...est(m.fate.held) });
      rows.push({ measure: id, label: FATE_LABELS.broken, ...est(m.fate.broken) });
      for (const [who, e] of Object.entries(m.broken_by)) rows.push({ measure: id, label: `… over violations by ${breakerName(s, who)}`, ...est(e) });
      rows.push({ measure: id, label: FATE_LABELS.rejected, ...est(m.fate.rejected) });
      rows.push({ measure: id, label: FATE_LABELS.not_offered, ...est(m.fate.not_offered) });
    } else {
      rows.push({ measure: id, label: 'carried out', ...est(m.carried_out) });
    }
  }
  return rows;
}

export function measureSpec(s: Summary): TopLevelSpec {
  const rows = measureRows(s);
  const ids = [...new Set(rows.map((r) => r.measure))];
  // One chart a measure, stacked: a facet with independent y scales would make Vega-Lite guess at the
  // whiskers' data (it warns), and each measure has its own list of states anyway.
  return chart({
    vconcat: ids.map((id) => ({
      title: { text: id, anchor: 'start', fontSize: 13, fontWeight: 600, offset: 6 },
      width: WIDTH - 40,
      height: { step: 26 },
      data: { values: rows.filter((r) => r.measure === id) },
      encoding: {
        y: { field: 'label', type: 'nominal', sort: null, title: null },
        x: { type: 'quantitative', scale: { domain: [0, 1] }, axis: PCT_AXIS, title: 'Share of all runs (whiskers: 95% Wilson interval)' },
      },
      layer: barLayers({ value: '#5c6bc0' }),
    })),
    spacing: 24,
  });
}

// ---------------------------------------------------------------- compare

/** Per seed and outcome: the seed's estimate, and the pooled estimate over all seeds. */
export function seedRows(c: SeedComparison): (EstimateRow & { seed: string; outcome: string; pooled: number; pooled_lo: number; pooled_hi: number })[] {
  return c.seeds.flatMap((s) => (Object.keys(s.outcomes) as OutcomeName[]).map((o) => ({
    seed: String(s.seed), outcome: OUTCOME_LABELS[o], ...est(s.outcomes[o]),
    pooled: c.homogeneity[o].pooled.p, pooled_lo: c.homogeneity[o].pooled.lo, pooled_hi: c.homogeneity[o].pooled.hi,
  })));
}

export function seedSpec(c: SeedComparison): TopLevelSpec {
  const rows = seedRows(c);
  const x = { field: 'seed', type: 'ordinal', sort: null, title: 'Seed', axis: { labelAngle: 0 } };
  const Y = 'Share of runs';
  return smallMultiples(rows, (r) => r.outcome, (part) => ({
    width: Math.round(WIDTH / 2) - 40, height: 150,
    layer: [
      { mark: { type: 'rect', color: '#90a4ae', opacity: 0.3 }, encoding: { y: { field: 'pooled_lo', type: 'quantitative', aggregate: 'min', axis: PCT_AXIS, title: Y, scale: { zero: false } }, y2: { field: 'pooled_hi', aggregate: 'max' } } },
      { mark: { type: 'rule', color: '#607d8b', strokeDash: [4, 3] }, encoding: { y: { field: 'pooled', type: 'quantitative', aggregate: 'min', title: Y } } },
      { mark: { type: 'errorbar', ticks: { size: 6 }, color: '#222' }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: Y }, y2: { field: 'hi' } } },
      { mark: { type: 'point', filled: true, size: 40, color: '#1565c0', opacity: 1 }, encoding: { x, y: { field: 'p', type: 'quantitative', title: Y } } },
    ],
    data: { values: part },
  }));
}

/**
 * One small chart per group of rows (an outcome, a metric), two a row, each with its own y scale. Built
 * as a concatenation rather than a facet: a facet with independent scales makes Vega-Lite guess which
 * data the interval marks' domains come from (it warns).
 */
function smallMultiples<R>(rows: R[], group: (r: R) => string, sub: (part: R[]) => Record<string, unknown>): TopLevelSpec {
  const names = [...new Set(rows.map(group))];
  return chart({
    columns: 2,
    spacing: { row: 28, column: 36 },
    concat: names.map((name) => ({
      title: { text: name, anchor: 'start', fontSize: 13, fontWeight: 600, offset: 6 },
      ...sub(rows.filter((r) => group(r) === name)),
    })),
  });
}

/** Per scenario and outcome: its estimate. */
export function scenarioRows(c: ScenarioComparison): (EstimateRow & { scenario: string; outcome: string })[] {
  return c.scenarios.flatMap((s, i) => (Object.keys(s.outcomes) as OutcomeName[]).map((o) => ({
    scenario: `${String.fromCharCode(65 + (i % 26))}: ${s.label}`, outcome: OUTCOME_LABELS[o], ...est(s.outcomes[o]),
  })));
}

export function scenarioSpec(c: ScenarioComparison): TopLevelSpec {
  const n = c.scenarios.length;
  return chart({
    width: WIDTH,
    height: { step: n > 3 ? 16 : 20 },
    data: { values: scenarioRows(c) },
    encoding: {
      y: { field: 'outcome', type: 'nominal', sort: null, title: null },
      x: { type: 'quantitative', scale: { domain: [0, 1] }, axis: PCT_AXIS, title: 'Share of runs (whiskers: 95% Wilson interval)' },
    },
    layer: barLayers({ field: 'scenario', type: 'nominal', title: null, sort: null }, { field: 'scenario', sort: null }),
  });
}

/** Per compared scenario and outcome: the paired difference from the first scenario with its interval. */
export function differenceRows(c: ScenarioComparison): { scenario: string; outcome: string; d: number; lo: number; hi: number; flagged: string; text: string }[] {
  const letter = new Map(c.scenarios.map((s, i) => [s.label, String.fromCharCode(65 + (i % 26))]));
  return c.differences.filter(isOutcomeDifference).map((d) => ({
    scenario: `${letter.get(d.scenario)}: ${d.scenario}`, outcome: OUTCOME_LABELS[d.metric as OutcomeName], d: d.d, lo: d.lo, hi: d.hi,
    flagged: d.flagged ? 'interval excludes 0' : 'interval includes 0', text: `${points(d.d)} (${points(d.lo)} to ${points(d.hi)})`,
  }));
}

export function differenceSpec(c: ScenarioComparison): TopLevelSpec {
  const compared = c.scenarios.length - 1;
  const off = compared > 1 ? { yOffset: { field: 'scenario', sort: null } } : {};
  const colorBy = compared > 1
    ? { field: 'scenario', type: 'nominal', title: null, sort: null }
    : { field: 'flagged', type: 'nominal', title: null, scale: { domain: ['interval excludes 0', 'interval includes 0'], range: ['#c62828', '#78909c'] } };
  const y = { field: 'outcome', type: 'nominal', sort: null, title: null };
  return chart({
    width: WIDTH - 40,
    height: { step: compared > 1 ? 16 : 34 },
    layer: [
      // the zero line: its own one-row data, no y, so it spans the plot
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#555' }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      {
        data: { values: differenceRows(c) },
        layer: [
          { mark: { type: 'errorbar', ticks: { size: 6 }, thickness: 1.5 }, encoding: { y, x: { field: 'lo', type: 'quantitative', axis: { format: '+.1~%', tickCount: 8 }, title: `Difference from ${c.scenarios[0].label} (percentage points; whiskers: 95% paired Newcombe interval)` }, x2: { field: 'hi' }, color: colorBy, ...off } },
          { mark: { type: 'point', filled: true, size: 50, opacity: 1 }, encoding: { y, x: { field: 'd', type: 'quantitative' }, color: colorBy, ...off } },
        ],
      },
    ],
  });
}

// ---------------------------------------------------------------- sweep

/** The headline metrics a sweep chart shows, with their JSON paths within a point's summary. */
export interface SweepMetric { key: string; label: string; path: string; get: (s: Summary) => Estimate | null }

export function sweepMetrics(r: SweepResult): SweepMetric[] {
  const first = r.points[0]?.summary;
  if (!first) return [];
  const out: SweepMetric[] = (Object.keys(first.outcomes) as OutcomeName[]).map((o) => ({
    key: `outcome.${o}`, label: OUTCOME_LABELS[o], path: `outcomes.${o}`, get: (s) => s.outcomes[o],
  }));
  for (const [id, a] of Object.entries(first.actors)) {
    if (!a.attend) continue;
    out.push({ key: `attend.${id}`, label: `${a.name} attends`, path: `actors.${id}.attend`, get: (s) => s.actors[id]?.attend ?? null });
    out.push({ key: `withdraw.${id}`, label: `${a.name} withdraws`, path: `actors.${id}.withdraw`, get: (s) => s.actors[id]?.withdraw ?? null });
  }
  for (const [id, m] of Object.entries(first.measures)) {
    if (m.kind === 'ceasefire') {
      out.push({ key: `${id}.accepted`, label: `${id}: accepted`, path: `measures.${id}.accepted`, get: (s) => (s.measures[id]?.kind === 'ceasefire' ? s.measures[id].accepted : null) });
      out.push({ key: `${id}.held`, label: `${id}: held to the end`, path: `measures.${id}.fate.held`, get: (s) => (s.measures[id]?.kind === 'ceasefire' ? s.measures[id].fate.held : null) });
    } else {
      out.push({ key: `${id}.carried_out`, label: `${id}: carried out`, path: `measures.${id}.carried_out`, get: (s) => (s.measures[id]?.kind === 'exchange' ? s.measures[id].carried_out : null) });
    }
  }
  return out;
}

/**
 * The series a line stands for when the grid has 2+ axes: the values of the axes after the first — the
 * value alone when there is one such axis (the legend's title names it), `path=value, ...` otherwise.
 */
export function seriesLabel(r: SweepResult, values: readonly number[]): string {
  if (r.vary.length === 2) return String(values[1]);
  return r.vary.slice(1).map((v, k) => `${v.path}=${values[k + 1]}`).join(', ');
}

/** Per grid point and headline metric: the varied value(s) and the estimate. */
export function sweepRows(r: SweepResult): (EstimateRow & { x: number; series: string; metric: string; label: string })[] {
  const metrics = sweepMetrics(r);
  const rows: (EstimateRow & { x: number; series: string; metric: string; label: string })[] = [];
  for (const m of metrics) {
    for (const p of r.points) {
      const e = m.get(p.summary);
      if (e) rows.push({ x: p.values[0], series: seriesLabel(r, p.values), metric: m.key, label: m.label, ...est(e) });
    }
  }
  return rows;
}

export function sweepSpec(r: SweepResult): TopLevelSpec {
  const series = r.vary.length > 1;
  const color = series ? { color: { field: 'series', type: 'nominal', title: r.vary.length === 2 ? r.vary[1].path : null, sort: null } } : {};
  const fixed = series ? {} : { color: '#1565c0' };
  const values = r.vary[0]?.values ?? [];
  const x = { field: 'x', type: 'quantitative', title: r.vary[0]?.path ?? '', scale: { zero: false, nice: false }, axis: values.length <= 11 ? { values } : { tickCount: 8 } };
  return smallMultiples(sweepRows(r), (row) => row.label, (part) => ({
    width: Math.round(WIDTH / 2) - 30, height: 140,
    data: { values: part },
    encoding: { x },
    layer: [
      { mark: { type: 'area', opacity: series ? 0.1 : 0.18, ...fixed }, encoding: { y: { field: 'lo', type: 'quantitative', axis: PCT_AXIS, title: 'Share of runs', scale: { zero: true } }, y2: { field: 'hi' }, ...color } },
      { mark: { type: 'line', strokeWidth: 2, ...fixed }, encoding: { y: { field: 'p', type: 'quantitative' }, ...color } },
      { mark: { type: 'point', filled: true, size: 30, opacity: 1, ...fixed }, encoding: { y: { field: 'p', type: 'quantitative' }, ...color } },
    ],
  }));
}

// ---------------------------------------------------------------- backtest

/** One tenth of the forecast scale with questions in it: its numbers as the scorecard has them. */
export interface ReliabilityRow { bin: number; lo: number; hi: number; n: number; meanP: number; freq: number; freqLo: number; freqHi: number; text: string }

/** The reliability table's bins that hold questions (an empty bin has no point to draw). */
export function reliabilityRows(card: Pick<Scorecard, 'reliability'>): ReliabilityRow[] {
  return card.reliability.flatMap((b, bin) => (b.n === 0 ? [] : [{
    bin, lo: b.lo, hi: b.hi, n: b.n, meanP: b.meanP, freq: b.freq, freqLo: b.freqLo, freqHi: b.freqHi, text: `${b.yes}/${b.n}`,
  }]));
}

/**
 * A reliability diagram (Murphy & Winkler 1977): for each tenth of the forecast scale, the share of its
 * questions answered yes (with its 95% Wilson interval) against their mean forecast; a calibrated
 * forecaster's points lie on the diagonal. Below it, how many questions each tenth holds (a forecaster's
 * sharpness: the more at the ends, the bolder).
 */
export function reliabilitySpec(card: Pick<Scorecard, 'reliability'>, who = 'negsim'): TopLevelSpec {
  const rows = reliabilityRows(card);
  const side = WIDTH - 200;
  const unit = { type: 'quantitative', scale: { domain: [0, 1], nice: false }, axis: { format: '.1~f', values: [0, 0.2, 0.4, 0.6, 0.8, 1] } };
  const x = { field: 'meanP', ...unit, title: `${who}'s forecast (mean over the questions of each tenth)` };
  const yTitle = 'Share answered yes (whiskers: 95% Wilson interval)';
  return chart({
    vconcat: [
      {
        width: side, height: side,
        layer: [
          { data: { values: [{ a: 0, b: 1 }] }, mark: { type: 'rule', color: '#9e9e9e', strokeDash: [4, 3] },
            encoding: { x: { field: 'a', ...unit, title: x.title }, y: { field: 'a', ...unit, title: yTitle }, x2: { field: 'b' }, y2: { field: 'b' } } },
          {
            data: { values: rows },
            layer: [
              { mark: { type: 'errorbar', ticks: { size: 6 }, color: '#222', thickness: 1.2 }, encoding: { x, y: { field: 'freqLo', ...unit, title: yTitle }, y2: { field: 'freqHi' } } },
              { mark: { type: 'point', filled: true, size: 60, color: '#1565c0', opacity: 1 }, encoding: { x, y: { field: 'freq', ...unit, title: yTitle } } },
              // yes/n beside each point: how much a point weighs (the bars below show it too)
              { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 7, fontSize: 11, color: '#222' }, encoding: { x, y: { field: 'freq', ...unit, title: yTitle }, text: { field: 'text' } } },
            ],
          },
        ],
      },
      {
        width: side, height: 70,
        data: { values: card.reliability.map((b) => ({ lo: b.lo, hi: b.hi, n: b.n })) },
        mark: { type: 'rect', color: '#90a4ae', stroke: 'white', strokeWidth: 1 },
        encoding: {
          x: { field: 'lo', ...unit, title: `${who}'s forecast, in tenths` }, x2: { field: 'hi' },
          y: { field: 'n', type: 'quantitative', title: 'Questions', axis: { tickMinStep: 1, format: 'd' } }, y2: { datum: 0 },
        },
      },
    ],
    spacing: 18,
  });
}

// ---------------------------------------------------------------- explain

/** Inputs a panel of the sensitivity chart shows, per outcome: the largest total indices. */
export const SENSITIVITY_TOP = 6;
/** The sensitivity chart's x axis: indices are shares, but estimates and their intervals can stray beyond [0, 1]. */
const INDEX_DOMAIN = [-0.1, 1.1];

export type SensitivityRow = { outcome: string; title: string; input: string; path: string; index: 'first order' | 'total'; estimate: number; lo: number; hi: number; text: string };

/** Per outcome whose variance the design can share out (explanation.ts, measurable): its top inputs' first-order and total indices (inputs with a total index above 0). */
export function sensitivityRows(e: Explanation, top = SENSITIVITY_TOP): SensitivityRow[] {
  const rows: SensitivityRow[] = [];
  const short = (path: string) => e.sensitivity.inputs.find((i) => i.path === path)?.short ?? path;
  for (const o of e.sensitivity.outcomes) {
    if (!measurable(o) || o.p === 0 || o.p === 1) continue;
    const title = `${o.outcome} (${percent(o.p)} of runs; chance carries ${percent(o.chance.estimate)} of a run's variance)`;
    o.indices.filter((x) => x.total.estimate > 0).slice(0, top).forEach((x, r) => {
      const input = `${r + 1}. ${short(x.input)}`;
      for (const [index, v] of [['first order', x.first], ['total', x.total]] as const) {
        rows.push({ outcome: o.outcome, title, input, path: x.input, index, estimate: v.estimate, lo: v.lo, hi: v.hi, text: Number.isFinite(v.estimate) ? v.estimate.toFixed(2) : '–' });
      }
    });
  }
  return rows;
}

export function sensitivitySpec(e: Explanation): TopLevelSpec {
  const rows = sensitivityRows(e);
  const titles = [...new Set(rows.map((r) => r.title))];
  const color = { field: 'index', type: 'nominal', title: null, sort: null, scale: { domain: ['first order', 'total'], range: ['#1565c0', '#90caf9'] } };
  const x = { type: 'quantitative', scale: { domain: INDEX_DOMAIN, clamp: true, nice: false }, axis: { format: '.1f', values: [0, 0.2, 0.4, 0.6, 0.8, 1] }, title: 'Share of the variance of P(outcome | inputs) (whiskers: 95% bootstrap interval)' };
  const off = { yOffset: { field: 'index', sort: null } };
  return chart({
    vconcat: titles.map((t) => ({
      title: { text: t, anchor: 'start', fontSize: 13, fontWeight: 600, offset: 6 },
      width: WIDTH - 60,
      height: { step: 11 },
      data: { values: rows.filter((r) => r.title === t) },
      // one width of labels for every panel, so that the panels' axes line up
      encoding: { y: { field: 'input', type: 'nominal', sort: null, title: null, axis: { minExtent: 230, labelLimit: 230 } }, x },
      layer: [
        { mark: { type: 'bar', cornerRadiusEnd: 2 }, encoding: { x: { field: 'estimate', type: 'quantitative' }, color, ...off } },
        { mark: { type: 'errorbar', ticks: { size: 5 }, color: '#222', thickness: 1.1 }, encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, ...off } },
      ],
    })),
    spacing: 22,
    resolve: { scale: { color: 'shared' } },
  });
}

export type CounterfactualRow = { outcome: string; preference: string; path: string; d: number; lo: number; hi: number; flagged: string };

/** Per outcome that some preference moves beyond Monte Carlo error: every preference's paired difference. */
export function counterfactualRows(e: Explanation): CounterfactualRow[] {
  const cf = e.counterfactual;
  if (!cf) return [];
  const moved = new Set(cf.preferences.flatMap((p) => p.effects.filter((x) => x.flagged).map((x) => x.outcome)));
  const rows: CounterfactualRow[] = [];
  for (const o of e.sensitivity.outcomes.length > 0 ? e.sensitivity.outcomes.map((x) => x.outcome) : cf.preferences[0]?.effects.map((x) => x.outcome) ?? []) {
    if (!moved.has(o)) continue;
    for (const p of cf.preferences) {
      const x = p.effects.find((y) => y.outcome === o)!;
      rows.push({ outcome: o, preference: p.short, path: p.path, d: x.difference.d, lo: x.difference.lo, hi: x.difference.hi, flagged: x.flagged ? 'interval excludes 0' : 'interval includes 0' });
    }
  }
  return rows;
}

export function counterfactualSpec(e: Explanation): TopLevelSpec {
  const color = { field: 'flagged', type: 'nominal', title: null, scale: { domain: ['interval excludes 0', 'interval includes 0'], range: ['#c62828', '#78909c'] } };
  const y = { field: 'preference', type: 'nominal', sort: null, title: null };
  const X = 'Switched off − as it is (percentage points; 95% paired interval)';
  return smallMultiples(counterfactualRows(e), (r) => r.outcome, (part) => ({
    width: Math.round(WIDTH / 2) - 30,
    height: { step: 16 },
    data: { values: part },
    layer: [
      { mark: { type: 'rule', color: '#555' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      { mark: { type: 'errorbar', ticks: { size: 5 }, thickness: 1.3 }, encoding: { y, x: { field: 'lo', type: 'quantitative', axis: { format: '+.1~%', tickCount: 4 }, title: X }, x2: { field: 'hi' }, color } },
      { mark: { type: 'point', filled: true, size: 36, opacity: 1 }, encoding: { y, x: { field: 'd', type: 'quantitative', title: X }, color } },
    ],
  }));
}
