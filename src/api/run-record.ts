/**
 * One run of a Monte Carlo as a plain object for library users: what a row of `negsim run --runs-csv`
 * holds (its outcome, who boycotted or withdrew and why, each measure's fate, the deal, every sampled
 * value), read from the columns a block of runs is kept in (src/sim/block.ts), with ids instead of indexes.
 *
 * @example
 * for await (const r of runRecords(talks, { runs: 1000, seed: 7 })) if (r.outcome === 'agreement') console.log(r.run, r.deal);
 * // { run: 12, seed: 7, outcome: 'agreement', endRound: 3, boycotted: [], withdrew: [],
 * //   measures: { aleppo_ceasefire: { kind: 'ceasefire', fate: 'held', roundsKept: 3, brokenBy: null }, ... },
 * //   deal: { assad_role: 31.4, agenda: 62.0 }, values: { 'actors.gov.capability': 0.71, ... } }
 */
import type { Scenario } from '../scenario/types.js';
import type { RunColumns } from '../sim/block.js';
import { BY_BOTH, CF_FATES, OUTCOMES, TRIGGER_EXIT, type OutcomeName } from '../sim/run-record.js';
import { uncertainParams } from '../report/runs-csv.js';

export type { OutcomeName };

export interface CeasefireFate {
  kind: 'ceasefire';
  /** not_offered: the talks ended before its round. */
  fate: (typeof CF_FATES)[number];
  /** Rounds it was in force without a violation. */
  roundsKept: number;
  /** The side whose violations called it off, 'both', or null. */
  brokenBy: string | null;
}

export interface ExchangeFate {
  kind: 'exchange' | 'concession';
  /** Carried out; null when never offered (the talks ended before its round). */
  carriedOut: boolean | null;
}

export interface RunRecord {
  /** Run index (0-based): `negsim trace --seed S --run R` replays it. */
  run: number;
  seed: number;
  outcome: OutcomeName;
  /** Round the talks ended in: 0 for no_talks, the last round for stalemate. */
  endRound: number;
  /** Parties that did not attend. */
  boycotted: string[];
  /** Parties that walked out, the round, and whether an exit preference triggered it ('exit') or not ('choice'). */
  withdrew: { actor: string; round: number; trigger: 'exit' | 'choice' }[];
  measures: Record<string, CeasefireFate | ExchangeFate>;
  /** The deal on each issue when the talks agreed; null otherwise. */
  deal: Record<string, number> | null;
  /** The run's sampled value of every uncertain number, by its path (the runs CSV's columns). */
  values: Record<string, number>;
}

/** The records of a block's columns, in run order. */
export function runRecordsOf(s: Scenario, c: RunColumns, seed: number): RunRecord[] {
  const nA = s.actors.length, nI = s.issues.length, nM = s.measures.length, nP = s.params.length;
  const sampled = uncertainParams(s);
  const out: RunRecord[] = [];
  for (let i = 0; i < c.count; i++) {
    const boycotted: string[] = [];
    const withdrew: RunRecord['withdrew'] = [];
    for (let a = 0; a < nA; a++) {
      const actor = s.actors[a];
      if (actor.role === 'party' && !c.attended[i * nA + a]) boycotted.push(actor.id);
      const round = c.withdrewRound[i * nA + a];
      if (round > 0) withdrew.push({ actor: actor.id, round, trigger: c.trigger[i * nA + a] === TRIGGER_EXIT ? 'exit' : 'choice' });
    }
    const measures: RunRecord['measures'] = {};
    for (let m = 0; m < nM; m++) {
      const spec = s.measures[m];
      const fate = c.measureFate[i * nM + m];
      if (spec.kind === 'ceasefire') {
        const by = c.brokenBy[i * nM + m];
        measures[spec.id] = {
          kind: 'ceasefire', fate: CF_FATES[fate], roundsKept: c.heldRounds[i * nM + m],
          brokenBy: by === BY_BOTH ? 'both' : by >= 0 ? s.actors[by].id : null,
        };
      } else {
        measures[spec.id] = { kind: spec.kind, carriedOut: fate < 0 ? null : fate === 1 };
      }
    }
    const outcome = OUTCOMES[c.outcome[i]];
    let deal: Record<string, number> | null = null;
    if (outcome === 'agreement') {
      deal = {};
      for (let k = 0; k < nI; k++) deal[s.issues[k].id] = c.deal[i * nI + k];
    }
    const values: Record<string, number> = {};
    for (const p of sampled) values[s.params[p].path] = c.values[i * nP + p];
    out.push({ run: c.first + i, seed, outcome, endRound: c.endRound[i], boycotted, withdrew, measures, deal, values });
  }
  return out;
}
