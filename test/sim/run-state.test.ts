import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pushIndex } from '../../src/model/preferences/inclination.js';
import { RunState } from '../../src/sim/run-state.js';
import { twoParties } from './fixtures.js';

test('the shared run state is sized by the scenario and reads pressure by actor and action', () => {
  const s = twoParties();
  const st = new RunState(s);
  assert.is(st.belief.length, s.actors.length * s.actors.length);
  assert.is(st.sal.length, s.actors.length * s.issues.length);
  st.push[pushIndex(1, 'comply')] = 0.25;
  assert.is(st.pushOf(1, 'comply'), 0.25);
  assert.is(st.pushOf(1, 'attend'), 0);
});

test.run();
