/**
 * Resolving a confidence-building measure (docs/SCENARIO.md, "measures" and "More about measures"):
 * a ceasefire or an exchange among two or more sides, or a concession one actor carries out alone;
 * offered before the talks, in a round, or already in force; possibly depending on another measure.
 */
import type { MeasureSpec, ModelParams } from './types.js';
import type { RawMeasure } from './schema.js';
import type { Resolver } from './resolve.js';

export function resolveMeasure(r: Resolver, id: string, m: RawMeasure, model: ModelParams): MeasureSpec {
  const base = ['measures', id];
  const raw = r.raw;
  const actorOf = (a: string) => (Object.hasOwn(raw.actors, a) ? raw.actors[a] : undefined);
  let sides: number[] = [];
  let audience: number[] = [];
  if (m.kind === 'concession') {
    if (m.between !== undefined) {
      r.error([...base, 'between'], `measures.${id}: a concession has one actor ('by'), not sides`, "use 'by: ACTOR' (or make it an exchange)", 'key');
    }
    if (m.by === undefined) {
      r.error(base, `measures.${id}: a concession needs 'by', the actor who carries it out`, "add 'by: ACTOR'", 'key');
    } else {
      const by = r.actorRef([...base, 'by'], m.by);
      if (by >= 0) sides = [by];
    }
    if (m.for !== undefined) {
      audience = m.for.map((a, j) => r.actorRef([...base, 'for', j], a));
      if (m.by !== undefined && m.for.includes(m.by)) r.error([...base, 'for'], `measures.${id}: a concession is for others, and 'for' names its own actor '${m.by}'`, 'remove it from the list');
    } else {
      audience = r.actorIds.flatMap((a, i) => (raw.actors[a].role === 'party' && a !== m.by ? [i] : []));
    }
    for (const key of ['tolerance', 'parts', 'miss', 'false_alarm'] as const) {
      if (m[key] !== undefined) r.error([...base, key], `measures.${id}: ${key} does not apply to a concession`, 'remove it', 'key');
    }
  } else {
    if (m.by !== undefined) r.error([...base, 'by'], `measures.${id}: 'by' is for concessions; a ${m.kind} has sides ('between')`, "use 'between: [A, B]'", 'key');
    if (m.for !== undefined) r.error([...base, 'for'], `measures.${id}: 'for' is for concessions`, 'remove it', 'key');
    if (m.cost !== undefined) r.error([...base, 'cost'], `measures.${id}: 'cost' is for concessions; a ${m.kind}'s stakes are peace, temptation and sucker`, 'remove it', 'key');
    if (m.between === undefined) {
      r.error(base, `measures.${id}: a ${m.kind} needs 'between', its two or more sides`, "add 'between: [A, B]'", 'key');
    } else {
      sides = m.between.map((a, j) => r.actorRef([...base, 'between', j], a));
      m.between.forEach((a, j) => {
        const actor = actorOf(a);
        if (actor !== undefined && m.kind === 'ceasefire' && actor.armed !== true) {
          r.error([...base, 'between', j], `measures.${id}: a ceasefire is between armed actors, and '${a}' is not armed`, `add 'armed: true' to actors.${a} if it fields forces`);
        } else if (actor !== undefined && actor.role === 'ratifier') {
          r.error([...base, 'between', j], `measures.${id}: '${a}' is a ratifier, which only votes on a signed deal`, 'name the actors that carry the measure out');
        }
      });
    }
    if (m.tolerance !== undefined && m.kind !== 'ceasefire') {
      r.error([...base, 'tolerance'], `measures.${id}: tolerance applies to ceasefires only, and this is an ${m.kind}`, 'remove it', 'key');
    }
    if (m.parts !== undefined && m.kind !== 'exchange') {
      r.error([...base, 'parts'], `measures.${id}: parts applies to exchanges only`, 'remove it', 'key');
    }
  }
  const offeredName = m.offered_by ?? (m.kind === 'concession' ? m.by : undefined);
  let offeredBy = -1;
  if (offeredName === undefined) {
    if (m.kind !== 'concession') r.error(base, `measures.${id}: a ${m.kind} needs 'offered_by', the actor who offers it`, "add 'offered_by: ACTOR'", 'key');
  } else {
    offeredBy = r.actorRef([...base, m.offered_by !== undefined ? 'offered_by' : 'by'], offeredName);
  }
  if (m.kind === 'concession' && m.offered_by !== undefined && m.by !== undefined && m.offered_by !== m.by) {
    r.error([...base, 'offered_by'], `measures.${id}: a concession is offered by the actor who carries it out ('${m.by}')`, 'remove offered_by', 'key');
  }
  const issue = m.issue === undefined ? -1 : r.issueRef([...base, 'issue'], m.issue);
  let at = 0;
  const inForce = m.at === 'in_force';
  if (inForce && m.kind !== 'ceasefire') {
    r.error([...base, 'at'], `measures.${id}: only a ceasefire can be in force when the talks open (an ${m.kind} happens once)`, "use 'before' if it was carried out in the run-up");
  }
  if (typeof m.at === 'number') {
    at = m.at;
    if (m.at > raw.rounds) {
      r.error([...base, 'at'], `measures.${id}.at: round ${m.at} is after the last round (rounds: ${raw.rounds})`, `use 'before' or a round in 1..${raw.rounds}`);
    }
  }
  let requires = -1;
  if (m.requires !== undefined) {
    requires = r.measureRef([...base, 'requires'], m.requires);
    if (m.requires === id) {
      r.error([...base, 'requires'], `measures.${id} requires itself`, 'name another measure');
      requires = -1;
    } else if (requires >= 0) {
      const other = raw.measures![m.requires];
      const otherAt = other.at === undefined || other.at === 'before' || other.at === 'in_force' ? 0 : other.at;
      if (inForce) r.error([...base, 'requires'], `measures.${id} is in force from the start and cannot wait for '${m.requires}'`, 'remove requires, or offer it later');
      else if (otherAt > at) {
        r.error([...base, 'requires'], `measures.${id} (round ${at}) requires '${m.requires}', which is offered later (round ${otherAt})`, `offer '${m.requires}' first, or ${id} later`);
      } else if (otherAt === at && r.measureIds.indexOf(m.requires) > r.measureIds.indexOf(id)) {
        r.error([...base, 'requires'], `measures.${id} requires '${m.requires}', offered in the same round but after it in the file`, `move '${m.requires}' above '${id}' (measures of one round are played in file order)`);
      }
    }
  }
  const spec: MeasureSpec = {
    id,
    kind: m.kind,
    offeredBy,
    sides,
    audience,
    issue,
    at,
    inForce,
    requires,
    parts: m.parts ?? 1,
    tolerance: m.tolerance ?? 0,
    miss: r.numberOrShared([...base, 'miss'], m.miss, 'unit', model.miss),
    falseAlarm: r.numberOrShared([...base, 'false_alarm'], m.false_alarm, 'unit', model.falseAlarm),
    peace: r.numberOr([...base, 'peace'], m.peace, 'cost', 0.3),
    temptation: r.numberOr([...base, 'temptation'], m.temptation, 'cost', 0.2),
    sucker: r.numberOr([...base, 'sucker'], m.sucker, 'cost', 0.3),
    cost: -1,
  };
  if (m.kind === 'concession') spec.cost = m.cost === undefined ? spec.sucker : r.number([...base, 'cost'], m.cost, 'cost');
  const src = r.quote([...base, 'source'], m.source);
  if (src !== undefined) spec.source = src;
  return spec;
}
