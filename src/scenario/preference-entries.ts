/**
 * The scenario's stated preferences as entries an output can name: each red line, precondition, exit,
 * priority, inclination, outside option and condition for attending (`actors.X.preferences.N`), each
 * belief (`actors.X.beliefs.Y`), each pressure (`actors.X.pressure.N`) and each guarantee
 * (`actors.X.guarantees.N`) — by its path in the file, in words, and with the quotation it encodes, where
 * the file gives one (`source:`, kept on the loaded spec). negsim explain ranks them (uncertain-inputs.ts)
 * and switches them off one at a time (switch-off.ts).
 *
 * @example
 * preferenceEntries(geneva).find((e) => e.path === 'actors.snc.beliefs.gov')
 * // { kind: 'belief', actor: 1, index: 0, short: 'snc: belief gov sincere',
 * //   label: 'the belief of Syrian National Coalition (al-Maleh) that Syrian government (al-Moallem) is sincere',
 * //   quote: 'The opposition has accused the government of reneging on promises in the past and declaring cease-fires only to buy time.',
 * //   slots: [37], ... }
 */
import { DEAL, type ActorIndex, type Scenario, type Slot } from './types.js';

export type EntryKind =
  | 'red_line' | 'precondition' | 'exit' | 'priority' | 'inclination' | 'outside_option' | 'attend_if'
  | 'belief' | 'pressure' | 'guarantee';

export interface PreferenceEntry {
  /** Where it is in the file: `actors.snc.preferences.0`, `actors.snc.beliefs.gov`, `actors.russia.pressure.0`. */
  path: string;
  kind: EntryKind;
  actor: ActorIndex;
  /** Its place in the actor's list of its kind (conditions, exits, priorities, ...); 0 for the outside option. */
  index: number;
  /** Short, with ids, for tables: `snc: precondition assad_role >= demand`. */
  short: string;
  /** In words, with names, for sentences: `the precondition of Syrian National Coalition (al-Maleh): assad_role >= demand`. */
  label: string;
  /** The quotation it encodes (`source:`), when the file gives one. */
  quote?: string;
  /** Its own numbers: the parameter slots written under its path (a shared default is not its own). */
  slots: Slot[];
}

/** Every entry of every actor, actor by actor, in the order of its kinds below (conditions, exits, ...). */
export function preferenceEntries(s: Scenario): PreferenceEntry[] {
  const out: PreferenceEntry[] = [];
  const own = (path: string, slots: Slot[]) => slots.filter((k) => k >= 0 && s.params[k]?.path.startsWith(`${path}.`));
  s.actors.forEach((a, actor) => {
    const name = a.name;
    const add = (e: Omit<PreferenceEntry, 'actor' | 'slots'>, slots: Slot[], source: string | undefined) => {
      const entry: PreferenceEntry = { ...e, actor, slots: own(e.path, slots) };
      if (source !== undefined) entry.quote = source;
      out.push(entry);
    };
    const path = (p: string | undefined, fallback: string) => p ?? fallback;
    a.conditions.forEach((c, index) => {
      const words = c.kind === 'red_line' ? 'red line' : 'precondition';
      add({
        path: path(c.path, `actors.${a.id}.${c.kind}.${index}`), kind: c.kind, index,
        short: `${a.id}: ${words} ${c.text}`, label: `the ${words} of ${name}: ${c.text}`,
      }, [...c.with.map((w) => w.slot), c.firmness, c.penalty], c.source);
    });
    a.exits.forEach((x, index) => {
      add({
        path: path(x.path, `actors.${a.id}.exit.${index}`), kind: 'exit', index,
        short: `${a.id}: exit ${x.text}`, label: `the exit threat of ${name}: ${x.text}`,
      }, [...x.with.map((w) => w.slot), x.cost], x.source);
    });
    a.priorities.forEach((p, index) => {
      const ids = p.issues.map((k) => s.issues[k]?.id ?? String(k));
      const names = p.issues.map((k) => s.issues[k]?.name ?? String(k));
      add({
        path: path(p.path, `actors.${a.id}.priority.${index}`), kind: 'priority', index,
        short: `${a.id}: priority ${ids.join(', ')}`, label: `the priority of ${name}: ${names.join(' before ')}`,
      }, [], p.source);
    });
    a.inclinations.forEach((inc, index) => {
      add({
        path: path(inc.path, `actors.${a.id}.inclination.${index}`), kind: 'inclination', index,
        short: `${a.id}: inclination to ${inc.toward}`, label: `the inclination of ${name} to ${inc.toward}`,
      }, [inc.strength], inc.source);
    });
    // only an outside option the file states: the model's default is no preference of the actor's
    if (a.outsideOption.path !== undefined) {
      add({
        path: a.outsideOption.path, kind: 'outside_option', index: 0,
        short: `${a.id}: outside option`, label: `the outside option of ${name}, what no deal is worth to it`,
      }, [a.outsideOption.value], a.outsideOption.source);
    }
    a.attendIf.forEach((c, index) => {
      const m = s.measures[c.measure]?.id ?? String(c.measure);
      add({
        path: path(c.path, `actors.${a.id}.attend_if.${index}`), kind: 'attend_if', index,
        short: `${a.id}: attends if ${m}`, label: `the condition of ${name} for attending: ${m} first`,
      }, [c.firmness, c.penalty], c.source);
    });
    a.beliefs.forEach((b, index) => {
      const other = s.actors[b.about];
      add({
        path: path(b.path, `actors.${a.id}.beliefs.${other?.id}`), kind: 'belief', index,
        short: `${a.id}: belief ${other?.id} sincere`, label: `the belief of ${name} that ${other?.name} is sincere`,
      }, [b.sincere], b.source);
    });
    a.pressure.forEach((p, index) => {
      const other = s.actors[p.on];
      add({
        path: path(p.path, `actors.${a.id}.pressure.${index}`), kind: 'pressure', index,
        short: `${a.id}: pressure on ${other?.id}`, label: `the pressure of ${name} on ${other?.name} toward ${p.toward.join(', ')}`,
      }, [p.strength], p.source);
    });
    a.guarantees.forEach((g, index) => {
      const of = g.of === DEAL ? 'the deal' : s.measures[g.of]?.id ?? String(g.of);
      add({
        path: path(g.path, `actors.${a.id}.guarantees.${index}`), kind: 'guarantee', index,
        short: `${a.id}: guarantee of ${of}`, label: `the guarantee by ${name} of ${of}`,
      }, [g.strength], g.source);
    });
  });
  return out;
}
