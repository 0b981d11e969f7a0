import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BestOffer, offerKind, offerPosition } from '../../src/forecast/eum-offers.js';

test('offer kinds from (EU_ij, EU_ji) as i sees them: confrontation, compromise, capitulation, none', () => {
  assert.is(offerKind(0.1, 0.6), 'confrontation');
  assert.is(offerKind(-0.1, 0.3), 'compromise');
  assert.is(offerKind(-0.3, 0.3), 'capitulation');
  assert.is(offerKind(-0.5, 0.3), 'capitulation');
  assert.is(offerKind(0.6, 0.1), null); // i expects to win: no offer for i
  assert.is(offerKind(-0.1, -0.3), null); // stalemate
  assert.is(offerKind(0.3, -0.1), null);
});

test('a compromise moves i by |EU_ij / EU_ji| of the way; the others all the way', () => {
  assert.ok(Math.abs(offerPosition('compromise', 10, 0, -0.1, 0.3) - 20 / 3) < 1e-12);
  assert.is(offerPosition('confrontation', 10, 4, 0.1, 0.6), 4);
  assert.is(offerPosition('capitulation', 10, 4, -0.5, 0.3), 4);
});

test('least-move takes the offer that moves i least, whatever its kind; ties go to the larger EU_ji', () => {
  const best = new BestOffer('least-move');
  best.reset(10);
  best.consider(0, 0, -0.1, 0.3); // compromise to 6.667
  best.consider(1, 8, 0.1, 0.6); // confrontation to 8
  assert.equal([best.from, best.kind, best.to], [1, 'confrontation', 8]);
  best.consider(2, 12, 0.1, 0.7); // also 2 away, larger EU_ji
  assert.equal([best.from, best.to], [2, 12]);
  best.consider(3, 8, 0.1, 0.65); // 2 away, smaller EU_ji than 0.7
  assert.is(best.from, 2);
});

test('confrontation-first: any confrontation before any compromise; compromises by the lowest point, then capitulations', () => {
  const best = new BestOffer('confrontation-first');
  best.reset(10);
  best.consider(0, 9, -0.1, 0.3); // compromise to 9.667: a tiny move
  best.consider(1, 0, 0.1, 0.6); // confrontation to 0: all the way, still preferred
  assert.equal([best.from, best.kind, best.to], [1, 'confrontation', 0]);
  const c = new BestOffer('confrontation-first');
  c.reset(10);
  c.consider(0, 9, -0.1, 0.3); // point (0.1 * 10 + 0.3 * 9) / 0.4 = 9.25
  c.consider(1, 20, -0.3, 0.4); // point (0.3 * 10 + 0.4 * 20) / 0.7 = 15.71: higher, not taken
  assert.is(c.from, 0);
  c.consider(2, 0, -0.1, 0.2); // point (1 + 0) / 0.3 = 3.33: lowest, taken though it moves i 5
  assert.equal([c.from, c.kind, c.to], [2, 'compromise', 5]);
  c.consider(3, 10.5, -0.9, 0.2); // a capitulation never beats a compromise
  assert.is(c.from, 2);
});

test('no offer: from stays -1 after reset', () => {
  const best = new BestOffer('least-move');
  best.reset(5);
  best.consider(0, 1, 0.5, 0.2);
  assert.is(best.from, -1);
});

test.run();
