/**
 * One row a run: its outcome, end round, who withdrew (and why), each measure's fate, the deal, and every
 * sampled uncertain value, so any run can be inspected in a spreadsheet and replayed with
 * `negsim trace --seed S --run R`; then the scenario file's sha256 and the overrides, as on every CSV.
 */
import type { Scenario } from '../scenario/types.js';
import type { RunColumns } from '../sim/block.js';
import { BY_BOTH, CF_FATES, OUTCOMES, TRIGGER_EXIT } from '../sim/run-record.js';
import { overridesText } from './command-line.js';
import { csvRows } from './csv.js';

export function runsCsvHeader(s: Scenario): string[] {
  return [
    'run', 'seed', 'outcome', 'end_round', 'boycotted', 'withdrew', 'withdrawal_trigger',
    ...s.measures.flatMap((m) => (m.kind === 'ceasefire' ? [`${m.id}.fate`, `${m.id}.rounds_kept`, `${m.id}.broken_by`] : [`${m.id}.carried_out`])),
    ...s.issues.map((i) => `deal.${i.id}`),
    ...uncertainParams(s).map((i) => s.params[i].path),
    'scenario_sha256', 'overrides',
  ];
}

/** Indexes of the params that are sampled (not fixed). */
export function uncertainParams(s: Scenario): number[] {
  return s.params.flatMap((p, i) => (p.dist.kind === 'fixed' ? [] : [i]));
}

/**
 * The rows of one block (without header). Each ends with the scenario file's sha256 and the `--set`
 * overrides in full (`overrides`, as `run` applied them; none by default).
 */
export function runsCsvRows(s: Scenario, c: RunColumns, seed: number, overrides?: Record<string, unknown>): string {
  const made = overridesText(overrides);
  const nA = s.actors.length, nI = s.issues.length, nM = s.measures.length, nP = s.params.length;
  const sampled = uncertainParams(s);
  const rows: (string | number)[][] = [];
  for (let i = 0; i < c.count; i++) {
    const boycotted: string[] = [];
    const withdrew: string[] = [];
    const triggers: string[] = [];
    for (let a = 0; a < nA; a++) {
      const actor = s.actors[a];
      if (actor.role === 'party' && !c.attended[i * nA + a]) boycotted.push(actor.id);
      if (c.withdrewRound[i * nA + a] > 0) {
        withdrew.push(actor.id);
        triggers.push(c.trigger[i * nA + a] === TRIGGER_EXIT ? 'exit' : 'choice');
      }
    }
    const row: (string | number)[] = [
      c.first + i, seed, OUTCOMES[c.outcome[i]], c.endRound[i], boycotted.join(';'), withdrew.join(';'), triggers.join(';'),
    ];
    for (let m = 0; m < nM; m++) {
      const fate = c.measureFate[i * nM + m];
      if (s.measures[m].kind === 'ceasefire') {
        const by = c.brokenBy[i * nM + m];
        row.push(CF_FATES[fate], c.heldRounds[i * nM + m], by === BY_BOTH ? 'both' : by >= 0 ? s.actors[by].id : '');
      } else {
        row.push(fate < 0 ? '' : fate);
      }
    }
    for (let k = 0; k < nI; k++) {
      const d = c.deal[i * nI + k];
      row.push(Number.isNaN(d) ? '' : d);
    }
    for (const p of sampled) row.push(c.values[i * nP + p]);
    row.push(s.hash, made);
    rows.push(row);
  }
  return csvRows(null, rows);
}
