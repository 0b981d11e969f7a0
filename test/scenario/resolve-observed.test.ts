/**
 * Observed questions of the newer kinds and options: dated (by, by_round), staged (stage: framework),
 * partial exchanges, unbroken ceasefires, ratification, implementation, threats; and questions that
 * cannot be true in the model are refused rather than scored.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { THREE_SIDES, ok, oneError } from './scenario-text.js';

const CAL = 'calendar: { start: 2010-01-11, every_days: 7 }\nwindow: 2\nframework: [power]\n';
const MEASURES = 'measures:\n  truce: { kind: ceasefire, offered_by: us, between: [gov, reb], at: 2 }\n  swap: { kind: exchange, offered_by: us, between: [gov, reb], parts: 2 }\n';
const scenario = (questions: string, top = CAL) =>
  THREE_SIDES.replace('rounds: 6\n', 'rounds: 6\n' + top) + MEASURES + 'observed:\n  as_of: 2010-06-01\n  questions:\n' + questions;

test('the newer asks and options resolve to indexes, rounds and flags', () => {
  const s = ok(scenario([
    '    a: { ask: agreement, by: 2010-01-26, answer: yes }',
    '    b: { ask: agreement, stage: framework, answer: yes }',
    '    c: { ask: carried_out, measure: swap, partial: true, answer: yes }',
    '    d: { ask: unbroken, measure: truce, rounds: 3, answer: no }',
    '    e: { ask: held, measure: truce, by_round: 4, answer: yes }',
    '    f: { ask: ratified, actor: parl, answer: yes }',
    '    g: { ask: ratified, answer: yes }',
    '    h: { ask: implemented, answer: no }',
    '    i: { ask: threatens, actor: reb, by: 2010-02-01, answer: yes }',
  ].join('\n') + '\n'));
  const q = Object.fromEntries(s.observed!.questions.map((x) => [x.id, x]));
  assert.is(q.a.byRound, 3, '26 January is the third weekly round from 11 January');
  assert.equal([q.b.framework, q.b.byRound], [true, -1]);
  assert.equal([q.c.partial, q.c.measure], [true, 1]);
  assert.equal([q.d.ask, q.d.rounds], ['unbroken', 3]);
  assert.is(q.e.byRound, 4);
  assert.equal([q.f.actor, q.g.actor], [4, -1]);
  assert.equal([q.h.ask, q.i.byRound, q.i.actor], ['implemented', 4, 1]);
});

test('questions that cannot be true are refused', () => {
  // a ceasefire offered in round 2 is played in rounds 2..8 (6 rounds + a window of 2): 7 rounds at most
  const long = oneError(scenario('    q: { ask: unbroken, measure: truce, rounds: 8, answer: no }\n'));
  assert.is(long.message, "observed.questions.q.rounds: 8 rounds cannot be kept: only 7 are played from the measure's first round (2) to the last (rounds 6 + window 2)");
  const early = oneError(scenario('    q: { ask: agreement, by: 2010-01-05, answer: no }\n'));
  assert.is(early.message, "observed.questions.q: 'agreement' by 2010-01-05 cannot be true: it falls before the first round of talks");
  const late = oneError(scenario('    q: { ask: agreement, by: 2011-01-05, answer: no }\n'));
  assert.match(late.message, /^observed.questions.q.by: 2011-01-05 is after the last round played \(round 8 opens 2010-03-01\)/);
  const heldEarly = oneError(scenario('    q: { ask: held, measure: truce, by_round: 1, answer: no }\n'));
  assert.is(heldEarly.message, 'observed.questions.q: the measure is first played in round 2, after round 1');
  assert.is(oneError(scenario('    q: { ask: agreement, by: 2010-02-01, answer: no }\n', '')).message, "observed.questions.q: 'by' a date needs a calendar");
  assert.is(oneError(scenario('    q: { ask: agreement, stage: framework, answer: no }\n', '')).message, "observed.questions.q: stage 'framework' needs a framework");
  assert.is(oneError(scenario('    q: { ask: ratified, actor: gov, answer: no }\n')).message, "observed.questions.q: 'gov' is a party, not a ratifier");
  assert.is(oneError(scenario('    q: { ask: talks, by_round: 2, answer: no }\n')).message, "observed.questions.q: ask 'talks' is not dated");
  assert.is(oneError(scenario('    q: { ask: held, measure: truce, partial: true, answer: no }\n')).message, "observed.questions.q: partial applies to ask 'carried_out' only");
  assert.is(oneError(scenario('    q: { ask: agreement, by: 2010-02-01, by_round: 2, answer: no }\n')).message, 'observed.questions.q: give by or by_round, not both');
  assert.is(oneError(scenario('    q: { ask: threatens, answer: no }\n')).message, "observed.questions.q: ask 'threatens' needs an actor (the party asked about)");
  assert.is(oneError(scenario('    q: { ask: unbroken, measure: swap, answer: no }\n')).message, "observed.questions.q: ask 'unbroken' is about a ceasefire, and 'swap' is an exchange");
});

test('ratified needs a ratifier in the scenario', () => {
  const noParl = scenario('    q: { ask: ratified, answer: no }\n').replace(/  parl: .*\n/, '');
  assert.match(oneError(noParl).message, /^observed.questions.q: ask 'ratified' needs a ratifier in the scenario/);
});

test('source: on a question needs a structured sources file', () => {
  assert.match(oneError(scenario('    q: { ask: talks, answer: yes, source: s1 }\n')).message, /source names an entry of a structured sources file, and the scenario has none/);
});

test.run();
