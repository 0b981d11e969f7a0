/**
 * The headline outcomes of a scenario, as negsim explain explains them: the four outcomes of the talks
 * (agreement, withdrawal, stalemate, no talks), then each party's attendance and walk-out and each
 * measure's fate — the events `negsim compare` pairs (paired-events.ts), which the summary reports too.
 * Each is a yes/no event of a run, read off its record.
 *
 * @example
 * headlineOutcomes(geneva).map((o) => o.key)
 * // ['agreement', 'withdrawal', 'stalemate', 'no_talks', 'attend.gov', 'withdraw.gov', 'attend.snc', 'withdraw.snc',
 * //  'aleppo_ceasefire.accepted', 'aleppo_ceasefire.held', 'detainee_exchange.carried_out']
 */
import type { Scenario } from '../scenario/types.js';
import { OUTCOMES, type RunRecord } from '../sim/run-record.js';
import { eventKeys, eventReader } from './paired-events.js';

export interface HeadlineOutcome {
  /** `agreement`, `withdraw.snc`, `aleppo_ceasefire.held`: the name in explain's JSON and CSV. */
  key: string;
  /** As the summary CSV names it: the outcome, or the event's metric (`withdraw`, `aleppo_ceasefire.held`) ... */
  metric: string;
  /** ... and its party ('' for none). */
  actor: string;
  /** In words: `Syrian National Coalition (al-Maleh) withdraws`. */
  label: string;
}

const OUTCOME_WORDS: Record<(typeof OUTCOMES)[number], string> = {
  agreement: 'agreement', withdrawal: 'withdrawal (an essential party walks out)', stalemate: 'stalemate (no deal by the last round)',
  no_talks: 'no talks (an essential party boycotts)',
};

export function headlineOutcomes(s: Scenario): HeadlineOutcome[] {
  const name = (id: string) => s.actors.find((a) => a.id === id)?.name ?? id;
  const words = (metric: string, actor: string): string => {
    if (metric === 'attend') return `${name(actor)} attends`;
    if (metric === 'withdraw') return `${name(actor)} withdraws`;
    const [measure, what] = [metric.slice(0, metric.lastIndexOf('.')), metric.slice(metric.lastIndexOf('.') + 1)];
    return `${measure} ${what === 'held' ? 'held to the end' : what === 'carried_out' ? 'carried out' : what}`;
  };
  return [
    ...OUTCOMES.map((o) => ({ key: o, metric: o, actor: '', label: OUTCOME_WORDS[o] })),
    ...eventKeys(s).map((e) => ({ key: e.actor ? `${e.metric}.${e.actor}` : e.metric, metric: e.metric, actor: e.actor, label: words(e.metric, e.actor) })),
  ];
}

/** A reader of one run's headline outcomes, 1 or 0 each, in headlineOutcomes order, into `out` from `offset`. */
export function headlineReader(s: Scenario): (r: RunRecord, out: Uint8Array, offset: number) => void {
  const events = eventReader(s);
  const n = OUTCOMES.length;
  return (r, out, offset) => {
    for (let o = 0; o < n; o++) out[offset + o] = r.outcome === o ? 1 : 0;
    events(r, out, offset + n);
  };
}
