/**
 * One row a round: the share of runs still talking at its start (survival), the hazards of withdrawal and
 * agreement in it (over the runs talking at its start), and each ceasefire's share kept, with intervals;
 * then the runs, the seed, the scenario file's sha256 and the `--set` overrides in full, on every row.
 */
import type { Summary } from '../stats/summary.js';
import { overridesText } from './command-line.js';
import { csvRows } from './csv.js';

export function roundsCsv(s: Summary): string {
  const cfs = s.rounds.length > 0 ? Object.keys(s.rounds[0].ceasefire_kept) : [];
  const parties = s.rounds.length > 0 ? Object.keys(s.rounds[0].withdrawal_by) : [];
  const header = [
    'round', 'talking', 'talking_lo', 'talking_hi', 'talking_n',
    'withdrawals', 'withdrawal_hazard', 'withdrawal_hazard_lo', 'withdrawal_hazard_hi',
    'agreements', 'agreement_hazard', 'agreement_hazard_lo', 'agreement_hazard_hi',
    ...parties.map((p) => `withdrawal_hazard.${p}`),
    ...cfs.flatMap((c) => [`${c}.kept`, `${c}.kept_lo`, `${c}.kept_hi`]),
    'runs', 'seed', 'scenario_sha256', 'overrides',
  ];
  const rows = s.rounds.map((r) => [
    r.round, r.talking.p, r.talking.lo, r.talking.hi, r.talking.count,
    r.withdrawal_hazard.count, r.withdrawal_hazard.p, r.withdrawal_hazard.lo, r.withdrawal_hazard.hi,
    r.agreement_hazard.count, r.agreement_hazard.p, r.agreement_hazard.lo, r.agreement_hazard.hi,
    ...parties.map((p) => r.withdrawal_by[p].p),
    ...cfs.flatMap((c) => [r.ceasefire_kept[c].p, r.ceasefire_kept[c].lo, r.ceasefire_kept[c].hi]),
    s.runs, s.seed, s.scenario.hash, overridesText(s.scenario.overrides),
  ]);
  return csvRows(header, rows);
}
