/**
 * Resolving the `observed:` block (docs/SCENARIO.md, "observed"): what really happened, as yes/no
 * questions for `negsim backtest` and `negsim fit`. Each question's actor or measure must exist and fit
 * its ask; options (`rounds`, `by`, `partial`, `stage`) only where they mean something; and a question
 * that cannot be true in the model (kept for more rounds than remain, dated before the event could
 * happen) is refused rather than scored. Notes are free text and are not checked against the source,
 * which predates the outcome; `source:` names the entry of a structured sources file that reports it.
 */
import type { Observed, ObservedQuestion, SourceEntry } from './types.js';
import type { RawObserved } from './schema.js';
import { roundOfDate, roundDate } from './calendar.js';
import { isRealDate } from './sources-file.js';
import type { Resolver } from './resolve.js';

type Ask = ObservedQuestion['ask'];
const ACTOR_ASKS: readonly Ask[] = ['attends', 'withdraws', 'threatens'];
const CEASEFIRE_ASKS: readonly Ask[] = ['accepted', 'held', 'unbroken'];
const DATED_ASKS: readonly Ask[] = ['withdraws', 'withdrawal', 'agreement', 'accepted', 'carried_out', 'threatens', 'held', 'unbroken'];
/** Asks about events that can only happen in a round of talks (1 or later), not in the run-up. */
const IN_TALKS: readonly Ask[] = ['withdraws', 'withdrawal', 'agreement', 'threatens'];

export function resolveObserved(r: Resolver, o: RawObserved, parties: readonly string[], entries: SourceEntry[] | undefined): Observed {
  const raw = r.raw;
  const base = ['observed'];
  if (!isRealDate(o.as_of)) {
    r.error([...base, 'as_of'], `observed.as_of: '${o.as_of}' is not a calendar date`, 'write YYYY-MM-DD, e.g. 2014-02-15');
  } else if (raw.as_of !== undefined && isRealDate(raw.as_of) && o.as_of <= raw.as_of) {
    r.error([...base, 'as_of'], `observed.as_of (${o.as_of}) must be after the scenario's as_of (${raw.as_of})`,
      'as_of is the decision date the scenario is encoded at; observed.as_of is when the outcome was known, later');
  }
  const ratifiers = r.actorIds.filter((a) => raw.actors[a].role === 'ratifier');
  const lastRound = raw.rounds + (raw.window ?? 0);
  const sourceIds = entries === undefined ? undefined : new Set(entries.map((e) => e.id));
  const questions: ObservedQuestion[] = [];
  for (const [id, q] of Object.entries(o.questions)) {
    const qp = [...base, 'questions', id];
    const ask = q.ask;
    const label = `observed.questions.${id}`;
    const wantsActor = ACTOR_ASKS.includes(ask);
    const kinds = CEASEFIRE_ASKS.includes(ask) ? ['ceasefire'] : ask === 'carried_out' ? ['exchange', 'concession'] : undefined;
    let actor = -1;
    let measure = -1;
    if (wantsActor) {
      if (q.actor === undefined) {
        r.error(qp, `${label}: ask '${ask}' needs an actor (the party asked about)`, `add 'actor: ${parties[0] ?? '...'}'`, 'key');
      } else {
        actor = r.actorRef([...qp, 'actor'], q.actor);
        const a = actor >= 0 ? raw.actors[q.actor] : undefined;
        if (a !== undefined && a.role !== 'party') {
          r.error([...qp, 'actor'], `${label}: '${q.actor}' is a ${a.role}; only parties attend, withdraw or threaten to`, `parties: ${parties.join(', ')}`);
          actor = -1;
        }
      }
    } else if (ask === 'ratified') {
      if (ratifiers.length === 0) {
        r.error([...qp, 'ask'], `${label}: ask 'ratified' needs a ratifier in the scenario (a parliament, the voters of a referendum, ...)`, "add an actor with 'role: ratifier', or ask 'agreement'");
      }
      if (q.actor !== undefined) {
        actor = r.actorRef([...qp, 'actor'], q.actor);
        const a = actor >= 0 ? raw.actors[q.actor] : undefined;
        if (a !== undefined && a.role !== 'ratifier') {
          r.error([...qp, 'actor'], `${label}: '${q.actor}' is a ${a.role}, not a ratifier`, ratifiers.length ? `ratifiers: ${ratifiers.join(', ')}` : 'leave actor out');
          actor = -1;
        }
      }
    } else if (q.actor !== undefined) {
      r.error([...qp, 'actor'], `${label}: ask '${ask}' takes no actor`,
        kinds ? 'remove it; the measure names its sides' : "remove it; the question is about the talks' outcome (for one party, use attends, withdraws or threatens)", 'key');
    }
    if (kinds !== undefined) {
      const fit = r.measureIds.filter((m) => kinds.includes(raw.measures![m].kind));
      const what = kinds.length === 1 ? 'a ceasefire' : 'an exchange or a concession';
      if (q.measure === undefined) {
        r.error(qp, `${label}: ask '${ask}' needs a measure (${what})`,
          fit.length ? `add 'measure: ${fit[0]}'` : `the scenario has no such measure; add one under measures or ask something else`, 'key');
      } else {
        const i = r.measureRef([...qp, 'measure'], q.measure);
        const found = i >= 0 ? raw.measures![q.measure] : undefined;
        if (found !== undefined && !kinds.includes(found.kind)) {
          r.error([...qp, 'measure'], `${label}: ask '${ask}' is about ${what}, and '${q.measure}' is a${found.kind === 'exchange' ? 'n' : ''} ${found.kind}`,
            fit.length ? `use ${fit.map((m) => `'${m}'`).join(' or ')}, or ask ${kinds.includes('ceasefire') ? "'carried_out'" : "'accepted', 'held' or 'unbroken'"}` : undefined);
        } else {
          measure = i;
        }
      }
    } else if (q.measure !== undefined) {
      r.error([...qp, 'measure'], `${label}: ask '${ask}' takes no measure`,
        wantsActor ? 'remove it' : "remove it, or ask 'accepted', 'held', 'unbroken' or 'carried_out' about the measure", 'key');
    }
    const m = measure >= 0 ? raw.measures![r.measureIds[measure]] : undefined;
    const firstRound = m === undefined ? 1 : m.at === undefined || m.at === 'before' || m.at === 'in_force' ? 1 : m.at;
    const remaining = lastRound - firstRound + 1;
    if (q.rounds !== undefined) {
      if (ask !== 'held' && ask !== 'unbroken') {
        r.error([...qp, 'rounds'], `${label}: rounds applies to ask 'held' and 'unbroken' only`, 'remove it', 'key');
      } else if (q.rounds > remaining) {
        r.error([...qp, 'rounds'], `${label}.rounds: ${q.rounds} rounds cannot be kept: only ${remaining} are played from the measure's first round (${firstRound}) to the last (rounds ${raw.rounds}${raw.window ? ` + window ${raw.window}` : ''})`,
          `use 1..${remaining}, or leave rounds out for "kept to the end"`);
      }
    }
    let byRound = -1;
    if (q.by !== undefined && q.by_round !== undefined) {
      r.error([...qp, 'by_round'], `${label}: give by or by_round, not both`, 'keep one', 'key');
    } else if (q.by !== undefined || q.by_round !== undefined) {
      const key = q.by !== undefined ? 'by' : 'by_round';
      if (!DATED_ASKS.includes(ask)) {
        r.error([...qp, key], `${label}: ask '${ask}' is not dated`, `${key} applies to ${DATED_ASKS.join(', ')}`, 'key');
      } else if (q.by !== undefined) {
        if (!isRealDate(q.by)) r.error([...qp, 'by'], `${label}.by: '${q.by}' is not a calendar date`, 'write YYYY-MM-DD');
        else if (raw.calendar === undefined) r.error([...qp, 'by'], `${label}: 'by' a date needs a calendar`, "add 'calendar: {start: DATE, every_days: N}' (or {dates: [...]}), or use by_round");
        else {
          const cal = 'dates' in raw.calendar ? { dates: raw.calendar.dates } : { start: raw.calendar.start, everyDays: raw.calendar.every_days };
          byRound = roundOfDate(cal, q.by, lastRound);
          const lastDate = roundDate(cal, lastRound);
          if (lastDate !== undefined && q.by > lastDate) {
            r.error([...qp, 'by'], `${label}.by: ${q.by} is after the last round played (round ${lastRound} opens ${lastDate}), so it adds nothing`,
              raw.window ? 'leave by out' : "leave by out, or add a 'window' of rounds after the talks that reaches the date");
          }
        }
      } else {
        byRound = q.by_round!;
        if (byRound > lastRound) r.error([...qp, 'by_round'], `${label}.by_round: ${byRound} is after the last round played (${lastRound})`, 'leave it out');
      }
      if (byRound >= 0 && IN_TALKS.includes(ask) && byRound < 1) {
        r.error([...qp, key], `${label}: '${ask}' ${key} ${q.by ?? q.by_round} cannot be true: it falls before the first round of talks`, 'check the date and the calendar');
      }
      if (byRound >= 0 && (ask === 'held' || ask === 'unbroken') && byRound < firstRound) {
        r.error([...qp, key], `${label}: the measure is first played in round ${firstRound}, after ${q.by ?? `round ${q.by_round}`}`, 'check the date and the calendar');
      }
    }
    if (q.partial !== undefined && ask !== 'carried_out') r.error([...qp, 'partial'], `${label}: partial applies to ask 'carried_out' only`, 'remove it', 'key');
    if (q.stage !== undefined) {
      if (ask !== 'agreement') r.error([...qp, 'stage'], `${label}: stage applies to ask 'agreement' only`, 'remove it', 'key');
      else if (raw.framework === undefined) r.error([...qp, 'stage'], `${label}: stage 'framework' needs a framework`, "add 'framework: [ISSUE, ...]' to the scenario", 'key');
    }
    if (q.source !== undefined) {
      if (sourceIds === undefined) {
        r.error([...qp, 'source'], `${label}: source names an entry of a structured sources file, and the scenario has none`, "give 'source: {title, file: NAME.sources.yaml}' (docs/SCENARIO.md, \"Sources and quotes\"), or remove it");
      } else if (!sourceIds.has(q.source)) {
        r.error([...qp, 'source'], `${label}: unknown source '${q.source}'`, `sources: ${[...sourceIds].slice(0, 12).join(', ')}${sourceIds.size > 12 ? ', ...' : ''}`);
      }
    }
    const spec: ObservedQuestion = {
      id, ask, actor, measure, rounds: q.rounds ?? 0, byRound, partial: q.partial === true, framework: q.stage === 'framework',
      answer: q.answer === true || q.answer === 'yes',
    };
    if (q.note !== undefined) spec.note = q.note;
    if (q.source !== undefined) spec.source = q.source;
    questions.push(spec);
  }
  const positions: Observed['positions'] = [];
  for (const [issue, value] of Object.entries(o.positions ?? {})) {
    const i = r.issueRef([...base, 'positions', issue], issue, 'key');
    if (i >= 0) positions.push({ issue: i, value });
  }
  positions.sort((a, b) => a.issue - b.issue);
  const out: Observed = { asOf: o.as_of, questions, positions };
  if (o.note !== undefined) out.note = o.note;
  return out;
}
