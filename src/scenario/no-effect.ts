/**
 * Warnings for entries the model never reads (issue 13: "the validator warns on entries with no
 * effect"). A scenario is a claim about what drives a negotiation; an entry that can move no number of
 * any run is either a misunderstanding of the format or a leftover, and the analyst should know. Each
 * rule names what the model reads instead (docs/MODEL.md says where each input enters).
 */
import type { ActorSpec, MeasureSpec } from './types.js';
import type { Resolver } from './resolve.js';

export function noEffectWarnings(r: Resolver, actors: ActorSpec[], measures: MeasureSpec[]): void {
  const raw = r.raw;
  const sideOf = new Set(measures.flatMap((m) => m.sides));
  const ceasefireSide = new Set(measures.filter((m) => m.kind === 'ceasefire').flatMap((m) => m.sides));
  // who decides something: parties decide attendance and the rounds, ratifiers vote, sides play measures
  const decides = (a: ActorSpec, i: number) => a.role === 'party' || a.role === 'ratifier' || sideOf.has(i);
  actors.forEach((a, i) => {
    const base = ['actors', a.id];
    const rawActor = raw.actors[a.id];
    (rawActor.preferences ?? []).forEach((p, k) => {
      const pp = [...base, 'preferences', k];
      const kind = Object.keys(p).find((x) => x !== 'with' && x !== 'firmness' && x !== 'penalty' && x !== 'cost' && x !== 'strength' && x !== 'source')!;
      if ((kind === 'red_line' || kind === 'precondition' || kind === 'priority') && a.role !== 'party' && a.role !== 'ratifier') {
        r.warn(pp, `actors.${a.id}: a ${kind.replace('_', ' ')} of a ${a.role} has no effect: only parties' and ratifiers' judge a deal`,
          a.role === 'sponsor' ? 'a sponsor acts through pressure and guarantees; or make it a party if its acceptance is needed' : 'remove it', 'key');
      } else if (kind === 'exit' && a.role !== 'party') {
        r.warn(pp, `actors.${a.id}: an exit of a ${a.role} has no effect: only parties sit at the table and can walk out`, 'remove it', 'key');
      } else if (kind === 'outside_option' && !decides(a, i)) {
        r.warn(pp, `actors.${a.id}: the outside option of a ${a.role} that decides nothing has no effect`, 'remove it', 'key');
      } else if (kind === 'inclination') {
        const toward = (p as { inclination: string }).inclination;
        const takes = toward === 'comply' ? sideOf.has(i) : toward === 'accept' ? a.role === 'party' || a.role === 'ratifier' : a.role === 'party';
        if (!takes) r.warn(pp, `actors.${a.id}: an inclination to ${toward} has no effect: this ${a.role} never chooses to ${toward}`, 'remove it', 'key');
      }
    });
    if (a.beliefs.length > 0 && !decides(a, i)) {
      r.warn([...base, 'beliefs'], `actors.${a.id}: the beliefs of a ${a.role} that is not a side of any measure have no effect`, 'only parties, ratifiers and the sides of measures weigh others\' sincerity', 'key');
    }
    for (const b of a.beliefs) {
      const about = actors[b.about];
      if (about !== undefined && !(about.role === 'party' && about.essential) && !sideOf.has(b.about)) {
        r.warn([...base, 'beliefs', about.id], `actors.${a.id}: a belief about '${about.id}' has no effect: it is neither an essential party nor a side of a measure`, undefined, 'key');
      }
    }
    a.pressure.forEach((pr, k) => {
      const on = actors[pr.on];
      if (on === undefined) return;
      const where = Array.isArray(rawActor.pressure) ? [...base, 'pressure', k] : [...base, 'pressure'];
      for (const t of pr.toward) {
        const takes = t === 'comply' ? sideOf.has(pr.on) : t === 'accept' ? on.role === 'party' || on.role === 'ratifier' : on.role === 'party';
        if (!takes) r.warn(where, `actors.${a.id}: pressure on '${on.id}' toward ${t} has no effect: ${on.id} never chooses to ${t}`, t === 'comply' ? `${on.id} is a side of no measure` : undefined, 'key');
      }
    });
    if (rawActor.war_gain !== undefined && !ceasefireSide.has(i)) {
      r.warn([...base, 'war_gain'], `actors.${a.id}: war_gain has no effect: it is read by ceasefires, and ${a.id} is a side of none`, 'remove it, or add the ceasefire', 'key');
    }
  });
}
