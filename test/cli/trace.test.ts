import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { negsim, tempDir } from './helpers.js';

test('trace tells one run in words, with utilities, probabilities and quotes', () => {
  const r = negsim(['trace', '--seed', '1', '--run', '5', '--quiet']);
  assert.is(r.code, 0, r.err);
  assert.match(r.out, 'seed 1, run 5');
  assert.match(r.out, 'Before the talks');
  assert.match(r.out, /attendance \(logit QRE, lambda [\d.]+\)/);
  assert.match(r.out, /attend u=-?[\d.]+ p=[\d.]+%/);
  assert.match(r.out.replace(/\n +/g, ' '), 'out of the question for Assad to step down'); // quotations wrap at 80 columns
  for (const l of r.out.split('\n')) assert.ok(l.length <= 80, l);
  assert.match(r.out, /Outcome: (agreement|withdrawal|stalemate|no_talks)/);
});

test('trace is deterministic and differs between runs', () => {
  const a = negsim(['trace', '--run', '2', '--quiet']).out;
  assert.is(negsim(['trace', '--run', '2', '--quiet']).out, a);
  assert.is.not(negsim(['trace', '--run', '3', '--quiet']).out, a);
});

test('the traced run has the outcome the runs CSV gives it', () => {
  const r = negsim(['trace', '--seed', '2', '--run', '7', '--quiet']);
  const outcome = /Outcome: (\w+)/.exec(r.out)![1];
  const file = join(tempDir(), 'runs.csv');
  assert.is(negsim(['run', '--seed', '2', '--runs', '8', '--runs-csv', file, '--quiet']).code, 0);
  const row = readFileSync(file, 'utf8').split('\r\n')[8].split(',');
  assert.is(row[0], '7');
  assert.is(row[2], outcome);
});

test('bad --run: exit 1 with a message', () => {
  const r = negsim(['trace', '--run', '-1']);
  assert.is(r.code, 1);
  assert.match(r.err, /--run must be a whole number from 0/);
});

test.run();
