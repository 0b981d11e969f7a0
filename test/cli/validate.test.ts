import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
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

test('validate - reads the scenario from standard input: ok, or its problems at <stdin>:line:column and exit 1; never silence', () => {
  const good = negsim(['validate', '-'], { input: readFileSync('scenarios/geneva-2014.yaml', 'utf8'), cwd: 'scenarios' });
  assert.is(good.code, 0, good.err);
  assert.is(good.out, '<stdin>: ok\n');
  const bad = negsim(['validate', '-'], { input: 'id: x\ntitle: [unclosed\n' });
  assert.is(bad.code, 1);
  assert.match(bad.err, /^<stdin>:3:1: error: YAML syntax error/);
  assert.match(bad.err, '<stdin>: 1 error\n');
  const empty = negsim(['validate', '-'], { input: '' });
  assert.is(empty.code, 1);
  assert.match(empty.err, 'error: standard input is empty');
  const both = negsim(['validate', 'scenarios/geneva-2014.yaml', '-'], { input: 'rounds: 3\n' });
  assert.is(both.code, 1);
  assert.match(both.out, 'geneva-2014.yaml: ok');
  assert.match(both.err, "<stdin>:1:1: error: missing required key 'id' at the top level");
  assert.ok(noStack(bad.err + empty.err + both.err));
});

test('a bare - anywhere else is refused with a message, not read as the bundled scenario', () => {
  for (const args of [['run', '-'], ['report', '-'], ['trace', '-'], ['run', '--csv', '-']]) {
    const r = negsim(args);
    assert.is(r.code, 1, args.join(' '));
    assert.match(r.err, "negsim: '-' names no file here: only negsim validate - reads standard input");
    assert.is(r.out, '');
  }
});

test.run();
