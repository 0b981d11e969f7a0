/**
 * Measures beyond a ceasefire or exchange between two parties: concessions (one actor alone), measures
 * among more than two sides or with a sponsor as a side, measures in force when the talks open, measures
 * that wait for another, exchanges in parts; each misuse a located error with a hint.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { THREE_SIDES, at, errors, ok, oneError } from './scenario-text.js';

const withMeasures = (m: string) => THREE_SIDES + 'measures:\n' + m;

test('a concession has one actor (by), offered by it, for every other party unless "for" says whom', () => {
  const s = ok(withMeasures('  corridor: { kind: concession, by: gov, cost: 0.2, source: x }\n'.replace(', source: x', '')));
  const [c] = s.measures;
  assert.equal([c.kind, c.sides, c.offeredBy, c.audience, c.parts, c.requires, c.inForce], ['concession', [0], 0, [1, 2], 1, -1, false]);
  assert.is(s.params[c.cost].path, 'measures.corridor.cost');
  const forReb = ok(withMeasures('  corridor: { kind: concession, by: gov, for: [reb] }\n')).measures[0];
  assert.equal(forReb.audience, [1]);
  assert.is(forReb.cost, forReb.sucker, "a concession's cost defaults to its sucker payoff");
});

test('concession misuse: sides, a missing by, its own actor in for, ceasefire keys', () => {
  assert.is(oneError(withMeasures('  c: { kind: concession, by: gov, between: [gov, reb] }\n')).message, "measures.c: a concession has one actor ('by'), not sides");
  assert.is(oneError(withMeasures('  c: { kind: concession }\n')).message, "measures.c: a concession needs 'by', the actor who carries it out");
  assert.is(oneError(withMeasures('  c: { kind: concession, by: gov, for: [gov] }\n')).message, "measures.c: a concession is for others, and 'for' names its own actor 'gov'");
  assert.is(oneError(withMeasures('  c: { kind: concession, by: gov, tolerance: 2 }\n')).message, 'measures.c: tolerance does not apply to a concession');
  assert.is(oneError(withMeasures('  c: { kind: concession, by: gov, offered_by: reb }\n')).message, "measures.c: a concession is offered by the actor who carries it out ('gov')");
});

test('a ceasefire among three armed sides, an exchange with a sponsor as a side, an exchange in parts', () => {
  const s = ok(withMeasures([
    '  truce: { kind: ceasefire, offered_by: us, between: [gov, reb, mil], at: in_force }',
    '  swap: { kind: exchange, offered_by: us, between: [gov, us], parts: 3, at: 2 }',
  ].join('\n') + '\n'));
  const [truce, swap] = s.measures;
  assert.equal([truce.sides, truce.inForce, truce.at, truce.tolerance], [[0, 1, 2], true, 0, 0]);
  assert.equal([swap.sides, swap.parts, swap.at], [[0, 3], 3, 2]);
});

test('measure misuse: five sides, an unarmed ceasefire side, in_force for an exchange, parts on a ceasefire', () => {
  const many = oneError(withMeasures('  t: { kind: exchange, offered_by: us, between: [gov, reb, mil, us, parl] }\n'));
  assert.is(many.message, 'measures.t.between has too many items (5; the limit is 4)');
  assert.is(oneError(withMeasures('  t: { kind: ceasefire, offered_by: us, between: [gov, us] }\n')).message,
    "measures.t: a ceasefire is between armed actors, and 'us' is not armed");
  assert.is(oneError(withMeasures('  t: { kind: exchange, offered_by: us, between: [gov, reb], at: in_force }\n')).message,
    'measures.t: only a ceasefire can be in force when the talks open (an exchange happens once)');
  assert.is(oneError(withMeasures('  t: { kind: ceasefire, offered_by: us, between: [gov, reb], parts: 2 }\n')).message, 'measures.t: parts applies to exchanges only');
  assert.is(oneError(withMeasures('  t: { kind: exchange, between: [gov, reb] }\n')).message, "measures.t: a exchange needs 'offered_by', the actor who offers it");
});

test('requires: another measure, offered no later and above it when in the same round', () => {
  const s = ok(withMeasures([
    '  release: { kind: concession, by: gov }',
    '  truce: { kind: ceasefire, offered_by: us, between: [gov, reb], at: 2, requires: release }',
  ].join('\n') + '\n'));
  assert.is(s.measures[1].requires, 0);
  const later = oneError(withMeasures([
    '  truce: { kind: ceasefire, offered_by: us, between: [gov, reb], requires: release }',
    '  release: { kind: concession, by: gov, at: 3 }',
  ].join('\n') + '\n'));
  assert.is(later.message, "measures.truce (round 0) requires 'release', which is offered later (round 3)");
  assert.is(at(later), '15:76');
  const order = oneError(withMeasures([
    '  truce: { kind: ceasefire, offered_by: us, between: [gov, reb], requires: release }',
    '  release: { kind: concession, by: gov }',
  ].join('\n') + '\n'));
  assert.match(order.hint ?? '', /move 'release' above 'truce'/);
  assert.is(oneError(withMeasures('  t: { kind: concession, by: gov, requires: t }\n')).message, 'measures.t requires itself');
  assert.is(errors(withMeasures('  t: { kind: concession, by: gov, requires: nothing }\n'))[0].message, "unknown measure 'nothing' in measures.t");
});

test.run();
