/**
 * The yes/no events of a run that `negsim compare` pairs between scenarios, beyond the four outcomes:
 * each party's attendance and withdrawal, a ceasefire's acceptance and its holding to the end, an
 * exchange carried out. One byte a run per event, so that run r of two scenarios (the same generator
 * (seed, r): common random numbers) can be put in a 2x2 table for Newcombe's paired interval
 * (comparison.ts). The events' names are those of the summary CSV (metric, actor), so two scenarios that
 * share actors and measures by id are compared on them; the others are reported without a difference.
 *
 * @example
 * eventKeys(geneva) // [{metric: 'attend', actor: 'gov'}, {metric: 'withdraw', actor: 'gov'}, ...,
 *                   //  {metric: 'aleppo_ceasefire.accepted', actor: ''}, {metric: 'aleppo_ceasefire.held', actor: ''},
 *                   //  {metric: 'detainee_exchange.carried_out', actor: ''}]
 */
import type { Scenario } from '../scenario/types.js';
import type { RunColumns } from '../sim/block.js';
import { CF_HELD, ceasefireAccepted, type RunRecord } from '../sim/run-record.js';

export interface EventKey {
  /** As in the summary CSV: attend, withdraw, MEASURE.accepted, MEASURE.held, MEASURE.carried_out. */
  metric: string;
  /** The party for attend and withdraw; '' otherwise. */
  actor: string;
}

/** How to read an event off a run's columns. */
interface EventSource extends EventKey {
  kind: 'attend' | 'withdraw' | 'accepted' | 'held' | 'carried_out';
  /** Actor index (attend, withdraw) or measure index (the others). */
  index: number;
}

function sources(s: Scenario): EventSource[] {
  const out: EventSource[] = [];
  s.actors.forEach((a, i) => {
    if (a.role !== 'party') return;
    out.push({ metric: 'attend', actor: a.id, kind: 'attend', index: i });
    out.push({ metric: 'withdraw', actor: a.id, kind: 'withdraw', index: i });
  });
  s.measures.forEach((m, i) => {
    if (m.kind === 'ceasefire') {
      out.push({ metric: `${m.id}.accepted`, actor: '', kind: 'accepted', index: i });
      out.push({ metric: `${m.id}.held`, actor: '', kind: 'held', index: i });
    } else {
      out.push({ metric: `${m.id}.carried_out`, actor: '', kind: 'carried_out', index: i });
    }
  });
  return out;
}

/** The events of a scenario, in a fixed order (parties in file order, then measures). */
export function eventKeys(s: Scenario): EventKey[] {
  return sources(s).map(({ metric, actor }) => ({ metric, actor }));
}

/** One byte a run per event of a scenario: bits[e][r] = 1 if event e happened in run r. */
export interface EventColumns {
  keys: EventKey[];
  bits: Uint8Array[];
  /** How to read each event off a run's columns (made once, not every block). */
  readonly sources: readonly EventSource[];
}

export function newEventColumns(s: Scenario, runs: number): EventColumns {
  const src = sources(s);
  return { keys: eventKeys(s), bits: src.map(() => new Uint8Array(runs)), sources: src };
}

/** A copy holding `runs` runs: the first ones from `ev`, the rest zero (to be filled). */
export function growEventColumns(ev: EventColumns, runs: number): EventColumns {
  return {
    keys: ev.keys,
    sources: ev.sources,
    bits: ev.bits.map((b) => {
      const grown = new Uint8Array(runs);
      grown.set(b.subarray(0, Math.min(b.length, runs)));
      return grown;
    }),
  };
}

/**
 * A reader of one run's events, in eventKeys order, as 1 or 0 into `out` from `offset` (for runs read one by
 * one as they are played, as negsim explain's design does; the same events recordEvents reads off columns).
 */
export function eventReader(s: Scenario): (r: RunRecord, out: Uint8Array, offset: number) => void {
  const src = sources(s);
  return (r, out, offset) => {
    for (let k = 0; k < src.length; k++) {
      const e = src[k];
      let v: boolean;
      switch (e.kind) {
        case 'attend': v = r.attended[e.index] === 1; break;
        case 'withdraw': v = r.withdrewRound[e.index] > 0; break;
        case 'accepted': v = ceasefireAccepted(r.measureFate[e.index]); break;
        case 'held': v = r.measureFate[e.index] === CF_HELD; break;
        case 'carried_out': v = r.measureFate[e.index] === 1; break;
      }
      out[offset + k] = v ? 1 : 0;
    }
  };
}

/** Record the events of the runs in a block's columns (runs c.first .. c.first + c.count - 1). */
export function recordEvents(s: Scenario, c: RunColumns, into: EventColumns): void {
  const nA = s.actors.length;
  const nM = s.measures.length;
  into.sources.forEach((e, k) => {
    const bits = into.bits[k];
    for (let i = 0; i < c.count; i++) {
      let v: boolean;
      switch (e.kind) {
        case 'attend': v = c.attended[i * nA + e.index] === 1; break;
        case 'withdraw': v = c.withdrewRound[i * nA + e.index] > 0; break;
        case 'accepted': v = ceasefireAccepted(c.measureFate[i * nM + e.index]); break;
        case 'held': v = c.measureFate[i * nM + e.index] === CF_HELD; break;
        case 'carried_out': v = c.measureFate[i * nM + e.index] === 1; break;
      }
      bits[c.first + i] = v ? 1 : 0;
    }
  });
}

/**
 * The 2x2 table of paired runs for a code (an outcome code, or 1 for an event's byte): e = both runs
 * have it, f = the first only, g = the second only, h = neither.
 */
export function pairedCounts(a: ArrayLike<number>, b: ArrayLike<number>, code: number): [number, number, number, number] {
  let e = 0, f = 0, g = 0, h = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] === code, y = b[i] === code;
    if (x && y) e++; else if (x) f++; else if (y) g++; else h++;
  }
  return [e, f, g, h];
}
