import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { negsim, noStack, tempDir, writeTemp } from './helpers.js';

test('validate passes the bundled scenario', () => {
  const r = negsim(['validate', 'scenarios/geneva-2014.yaml']);
  assert.is(r.code, 0, r.err);
  assert.match(r.out, 'geneva-2014.yaml: ok');
});

test('validate lists every problem of every file with file:line:column, and exits 1', () => {
  const dir = tempDir();
  const a = writeTemp(dir, 'a.yaml', `id: a
title: A
rounds: 0
issues:
  x: { low: "0", high: "100" }
actors:
  p: { name: P, role: party, capability: 2, position: { x: 50 } }
  q: { name: Q, role: party, capability: 0.5, position: { x: 50 }, sincerety: 0.5 }
`);
  const r = negsim(['validate', a, 'scenarios/geneva-2014.yaml']);
  assert.is(r.code, 1);
  assert.match(r.err, /a\.yaml:3:\d+/);
  assert.match(r.err, /a\.yaml:7:\d+/);
  assert.match(r.err, /a\.yaml:8:\d+.*sincerety/);
  assert.match(r.err, /sincerity/);
  assert.match(r.err, /3 errors/);
  assert.match(r.out, 'geneva-2014.yaml: ok');
  assert.ok(noStack(r.err));
});

test.run();
