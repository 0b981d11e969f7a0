import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fillAttendanceGame } from '../../../src/model/games/attendance.js';
import type { NormalFormGame } from '../../../src/model/normal-form.js';

test('attendance payoffs: talks need every essential party; boycotting costs the audience cost', () => {
  const g: NormalFormGame = { strategies: [], payoffs: new Float64Array(8) };
  fillAttendanceGame(g, 2, {
    value: new Float64Array([0.7, 0.6]), outside: new Float64Array([0.4, 0.3]), alone: new Float64Array([0.05, 0.05]),
    boycott: new Float64Array([0.1, 0.2]), push: new Float64Array([0.15, 0]), unmet: new Float64Array(2), essential: new Uint8Array([1, 1]),
  });
  assert.equal(g.strategies, [2, 2]);
  // profiles, player 0 fastest: (A,A) (B,A) (A,B) (B,B)
  const p = Array.from(g.payoffs).map((x) => Math.round(x * 1e9) / 1e9);
  assert.equal(p, [0.85, 0.6, 0.3, 0.25, 0.5, 0.1, 0.3, 0.1]);
});

test('a non-essential party\'s boycott does not stop the talks', () => {
  const g: NormalFormGame = { strategies: [], payoffs: new Float64Array(8) };
  fillAttendanceGame(g, 2, {
    value: new Float64Array([0.7, 0.6]), outside: new Float64Array([0.4, 0.3]), alone: new Float64Array([0.05, 0.05]),
    boycott: new Float64Array([0.1, 0.2]), push: new Float64Array([0, 0]), unmet: new Float64Array(2), essential: new Uint8Array([1, 0]),
  });
  // profile (A, B) = index 2: player 0 attends and the talks happen
  assert.ok(Math.abs(g.payoffs[2 * 2] - 0.7) < 1e-12);
});

test('an unmet soft precondition costs its penalty; with the talks impossible, attending is worth the outside option less the cost of attending alone', () => {
  const terms = {
    value: new Float64Array([0.7, 0.6]), outside: new Float64Array([0.4, 0.3]), alone: new Float64Array([0.05, 0.05]),
    boycott: new Float64Array([0.1, 0.2]), push: new Float64Array([0, 0]), unmet: new Float64Array([0.25, 0]), essential: new Uint8Array([1, 1]),
  };
  const g: NormalFormGame = { strategies: [], payoffs: new Float64Array(8) };
  fillAttendanceGame(g, 2, terms);
  assert.ok(Math.abs(g.payoffs[0] - 0.45) < 1e-12, 'both attend: 0.7 - 0.25');
  fillAttendanceGame(g, 2, terms, false);
  assert.ok(Math.abs(g.payoffs[0] - (0.4 - 0.05 - 0.25)) < 1e-12, 'talks impossible');
  assert.ok(Math.abs(g.payoffs[1] - (0.3 - 0.05)) < 1e-12);
});

test.run();
