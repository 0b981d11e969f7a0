/**
 * A counterfactual scenario: the scenario without one of its preferences (preference-entries.ts), for
 * negsim explain's second view — what the forecast would be had the source not said it. A transform of
 * the loaded scenario; the engine is not told.
 *
 * What "without it" means, kind by kind:
 *   red_line, precondition  the condition always holds (a deal can no longer break it)
 *   exit                    the trigger never fires
 *   priority                no ordering: the issues weigh by salience alone
 *   inclination, pressure   strength 0
 *   outside_option          the model's default outside option
 *   attend_if               firmness 0 and penalty 0: attending without the measure costs nothing
 *   belief                  the common prior: the other's own sincerity, as for an actor without the belief
 *   guarantee               strength 0
 *
 * Common random numbers survive the change: every entry stays in its list (the engine draws, say, whether a
 * red line binds whatever the condition says), the parameter list keeps every entry with its distribution,
 * and a number set to 0 is a new fixed parameter appended at the end of the list — fixed parameters draw
 * no uniform (sample.ts) — so run r of the counterfactual draws what run r of the scenario draws, up to
 * where the missing preference changes a choice. Its runs pair with the scenario's run by run, and their
 * difference has the paired interval `negsim compare` uses.
 *
 * @example
 * const off = switchOff(geneva, preferenceEntries(geneva).find((e) => e.path === 'actors.snc.preferences.0')!);
 * off.actors[1].conditions[0].expr // { t: 'num', v: 1 }: the precondition always holds
 * off.params.slice(0, geneva.params.length) // the same parameters as geneva's
 */
import type { PreferenceEntry } from './preference-entries.js';
import type { ActorSpec, ParamSpec, Scenario, Slot } from './types.js';

const ALWAYS = { t: 'num', v: 1 } as const;
const NEVER = { t: 'num', v: 0 } as const;

/** `s` without `entry` (the original is not changed). */
export function switchOff(s: Scenario, entry: PreferenceEntry): Scenario {
  const params = s.params.slice();
  const zero = (slot: Slot): Slot => {
    const was: ParamSpec | undefined = s.params[slot];
    params.push({ path: `${was?.path ?? entry.path}.switched_off`, dist: { kind: 'fixed', value: 0 }, min: Math.min(0, was?.min ?? 0), max: Math.max(0, was?.max ?? 0) });
    return params.length - 1;
  };
  const a: ActorSpec = { ...s.actors[entry.actor] };
  const i = entry.index;
  const replace = <T>(list: readonly T[], make: (x: T) => T): T[] => list.map((x, j) => (j === i ? make(x) : x));
  switch (entry.kind) {
    case 'red_line':
    case 'precondition': a.conditions = replace(a.conditions, (c) => ({ ...c, expr: ALWAYS })); break;
    case 'exit': a.exits = replace(a.exits, (x) => ({ ...x, expr: NEVER })); break;
    case 'priority': a.priorities = replace(a.priorities, (p) => ({ ...p, issues: [] })); break;
    case 'inclination': a.inclinations = replace(a.inclinations, (x) => ({ ...x, strength: zero(x.strength) })); break;
    case 'outside_option': a.outsideOption = { ...a.outsideOption, value: s.model.outsideOption }; break;
    case 'attend_if': a.attendIf = replace(a.attendIf, (x) => ({ ...x, firmness: zero(x.firmness), penalty: zero(x.penalty) })); break;
    case 'belief': a.beliefs = replace(a.beliefs, (b) => ({ ...b, sincere: s.actors[b.about].sincerity })); break;
    case 'pressure': a.pressure = replace(a.pressure, (p) => ({ ...p, strength: zero(p.strength) })); break;
    case 'guarantee': a.guarantees = replace(a.guarantees, (g) => ({ ...g, strength: zero(g.strength) })); break;
  }
  const actors = s.actors.slice();
  actors[entry.actor] = a;
  return { ...s, actors, params };
}
