/** What each ask counts in one run, on hand-made run records. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ObservedQuestion, Scenario } from '../../src/scenario/types.js';
import { questionHolds } from '../../src/sim/question-event.js';
import { AGREEMENT, NO_TALKS, newRunRecord, STALEMATE, WITHDRAWAL, type RunRecord } from '../../src/sim/run-record.js';
import { ok, THREE_SIDES } from '../scenario/scenario-text.js';

const s: Scenario = ok(THREE_SIDES.replace('rounds: 6\n', 'rounds: 6\nwindow: 2\n') +
  'measures:\n  truce: { kind: ceasefire, offered_by: us, between: [gov, reb], at: 2 }\n  swap: { kind: exchange, offered_by: us, between: [gov, reb], parts: 3 }\n');
const q = (ask: ObservedQuestion['ask'], o: Partial<ObservedQuestion> = {}): ObservedQuestion =>
  ({ id: 'q', ask, actor: -1, measure: -1, rounds: 0, byRound: -1, partial: false, framework: false, answer: true, ...o });
function rec(o: Partial<RunRecord> = {}): RunRecord {
  const r = newRunRecord(s);
  r.measureRound.fill(-1);
  r.ratified.fill(-1);
  return Object.assign(r, o);
}
const GOV = 0, REB = 1, PARL = 4, TRUCE = 0, SWAP = 1;

test('outcomes, dated by the round the talks ended in', () => {
  const deal = rec({ outcome: AGREEMENT, endRound: 4 });
  assert.ok(questionHolds(s, deal, q('agreement')));
  assert.ok(questionHolds(s, deal, q('agreement', { byRound: 4 })));
  assert.not.ok(questionHolds(s, deal, q('agreement', { byRound: 3 })));
  assert.not.ok(questionHolds(s, deal, q('stalemate')));
  assert.ok(questionHolds(s, rec({ outcome: WITHDRAWAL, endRound: 2 }), q('withdrawal', { byRound: 2 })));
  assert.ok(questionHolds(s, rec({ outcome: STALEMATE, endRound: 6 }), q('talks')));
  assert.not.ok(questionHolds(s, rec({ outcome: NO_TALKS }), q('talks')));
});

test('a framework counts when reached, or when the full deal was (which includes it)', () => {
  const fw = rec({ outcome: STALEMATE, frameworkRound: 3 });
  assert.ok(questionHolds(s, fw, q('agreement', { framework: true })));
  assert.not.ok(questionHolds(s, fw, q('agreement', { framework: true, byRound: 2 })));
  assert.not.ok(questionHolds(s, fw, q('agreement')), 'a framework is not the deal');
  assert.ok(questionHolds(s, rec({ outcome: AGREEMENT, endRound: 5 }), q('agreement', { framework: true })));
});

test('a party withdraws or threatens to, by a round', () => {
  const r = rec();
  r.withdrewRound[REB] = 3;
  r.threatened[REB] = 2;
  assert.ok(questionHolds(s, r, q('withdraws', { actor: REB })));
  assert.not.ok(questionHolds(s, r, q('withdraws', { actor: REB, byRound: 2 })));
  assert.ok(questionHolds(s, r, q('threatens', { actor: REB, byRound: 2 })));
  assert.not.ok(questionHolds(s, r, q('threatens', { actor: GOV })));
});

test('a ceasefire: accepted, held (to the end, through a round, N rounds kept), unbroken', () => {
  const r = rec();
  r.measureRound[TRUCE] = 2;
  r.heldRounds[TRUCE] = 4;
  r.firstViolation[TRUCE] = 5;
  r.endedRound[TRUCE] = 7;
  assert.ok(questionHolds(s, r, q('accepted', { measure: TRUCE })));
  assert.not.ok(questionHolds(s, r, q('accepted', { measure: TRUCE, byRound: 1 })));
  assert.not.ok(questionHolds(s, r, q('held', { measure: TRUCE })), 'called off in round 7: not held to the end');
  assert.ok(questionHolds(s, r, q('held', { measure: TRUCE, byRound: 6 })), 'in force through round 6');
  assert.not.ok(questionHolds(s, r, q('held', { measure: TRUCE, byRound: 7 })));
  assert.ok(questionHolds(s, r, q('held', { measure: TRUCE, rounds: 4 })));
  assert.not.ok(questionHolds(s, r, q('held', { measure: TRUCE, rounds: 5 })));
  assert.not.ok(questionHolds(s, r, q('unbroken', { measure: TRUCE })), 'a violation in round 5');
  assert.ok(questionHolds(s, r, q('unbroken', { measure: TRUCE, rounds: 3 })), 'rounds 2, 3, 4 clean');
  assert.not.ok(questionHolds(s, r, q('unbroken', { measure: TRUCE, rounds: 4 })));
  assert.ok(questionHolds(s, r, q('unbroken', { measure: TRUCE, byRound: 4 })));
  assert.not.ok(questionHolds(s, rec(), q('held', { measure: TRUCE })), 'never accepted');
});

test('an exchange in three parts: carried out fully, partly, by a round', () => {
  const r = rec();
  r.measureRound[SWAP] = 1;
  r.tranches[SWAP] = 2;
  assert.not.ok(questionHolds(s, r, q('carried_out', { measure: SWAP })));
  assert.ok(questionHolds(s, r, q('carried_out', { measure: SWAP, partial: true })));
  r.tranches[SWAP] = 3;
  assert.ok(questionHolds(s, r, q('carried_out', { measure: SWAP, byRound: 3 })), 'tranches in rounds 1, 2, 3');
  assert.not.ok(questionHolds(s, r, q('carried_out', { measure: SWAP, byRound: 2 })));
});

test('ratified needs a deal and every ratifier (or the one asked); implemented reads the record', () => {
  const r = rec({ outcome: AGREEMENT, endRound: 3 });
  r.ratified[PARL] = 1;
  assert.ok(questionHolds(s, r, q('ratified')));
  assert.ok(questionHolds(s, r, q('ratified', { actor: PARL })));
  r.ratified[PARL] = 0;
  assert.not.ok(questionHolds(s, r, q('ratified')));
  assert.not.ok(questionHolds(s, rec({ outcome: STALEMATE }), q('ratified')));
  assert.ok(questionHolds(s, rec({ implemented: 1 }), q('implemented')));
  assert.not.ok(questionHolds(s, rec({ implemented: 0 }), q('implemented')));
});

test.run();
