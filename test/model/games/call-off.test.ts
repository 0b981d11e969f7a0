import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { callOffProbability } from '../../../src/model/games/call-off.js';

test('a side keeps a ceasefire worth more than war, and calls off one worth less', () => {
  assert.ok(callOffProbability(25, 9, 0, 0.2) < 1e-15);
  assert.ok(callOffProbability(25, 9, 0.3, 0.1) > 1 - 1e-15);
  assert.is(callOffProbability(25, 9, 0.1, 0.1), 0.5);
  // the weight of the future sharpens the choice
  assert.ok(callOffProbability(5, 9, 0.12, 0.1) > callOffProbability(5, 1, 0.12, 0.1));
});

test.run();
