/**
 * The result of a parameter sweep: the grid's axes and, at every point, the full summary of its Monte
 * Carlo (stats/summary.ts) — the object `negsim sweep --json` prints and its CSVs and table are made from.
 * Every point ran the same runs of the same seed (common random numbers), so `seed` and `runs` are the
 * sweep's, and each point's `summary.scenario.overrides` says exactly which scenario it was.
 *
 * @example
 * summariseSweep(base, varies, [{ values: [0.1], scenario, overrides }], [tally], 1, '0.1.0', 'seedrandom.xor4096', {})
 * // {negsim: '0.1.0', scenario: {id: 'geneva-2014', ...}, seed: 1, runs: 1000, vary: [...], points: [{values: [0.1], summary}]}
 */
import { basename } from 'node:path';
import type { Scenario } from '../scenario/types.js';
import { summarise, type Summary } from './summary.js';
import type { Tally } from './tally.js';

export interface SweepAxis {
  path: string;
  from: number;
  to: number;
  step: number;
  values: number[];
}

export interface SweepResult {
  negsim: string;
  /** The file swept; `overrides` are the fixed `--set`s (not the varied values), when there are any. */
  scenario: { id: string; title: string; file: string; hash: string; overrides?: Record<string, unknown> };
  seed: number;
  runs: number;
  rng: string;
  vary: SweepAxis[];
  points: { values: number[]; summary: Summary }[];
}

export function summariseSweep(
  base: Scenario,
  vary: readonly SweepAxis[],
  points: readonly { values: number[]; scenario: Scenario; overrides: Record<string, unknown> }[],
  tallies: readonly Tally[],
  seed: number,
  version: string,
  rng: string,
  fixed: Record<string, unknown>,
): SweepResult {
  if (points.length !== tallies.length) throw new RangeError(`${points.length} sweep points but ${tallies.length} tallies`);
  const runs = tallies[0]?.runs ?? 0;
  for (const t of tallies) if (t.runs !== runs) throw new RangeError(`sweep points played ${t.runs} and ${runs} runs; every point plays the same runs`);
  const scenario: SweepResult['scenario'] = { id: base.id, title: base.title, file: basename(base.file), hash: base.hash };
  if (Object.keys(fixed).length > 0) scenario.overrides = fixed;
  return {
    negsim: version,
    scenario,
    seed,
    runs,
    rng,
    vary: vary.map(({ path, from, to, step, values }) => ({ path, from, to, step, values: [...values] })),
    points: points.map((p, i) => ({ values: [...p.values], summary: summarise(p.scenario, tallies[i], seed, version, rng, p.overrides) })),
  };
}
