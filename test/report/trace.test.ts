import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { traceText } from '../../src/report/trace.js';
import { newRunRecord } from '../../src/sim/run-record.js';
import { RunEngine } from '../../src/sim/run.js';
import type { TraceEvent } from '../../src/sim/trace-event.js';
import { tiny } from './fixture.js';

test('a trace in words: the run-up, each round, the equilibrium behind each choice and the outcome', () => {
  const events: TraceEvent[] = [];
  new RunEngine(tiny).run(1, 0, newRunRecord(tiny), events);
  const text = traceText(tiny, 1, 0, events);
  assert.match(text, 'seed 1, run 0');
  assert.match(text, '== Before the talks');
  assert.match(text, /ceasefire offer \(truce\) \(logit QRE, lambda 20\.00\):/);
  assert.match(text, /A if sincere.*accept u=/);
  assert.match(text, /Mediator's proposal \(opening, with every party present\): x \d/);
  assert.match(text, /Outcome: \w+/);
  assert.match(text, 'actors.a.position.x = ');
});

test.run();
