import Ajv from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { negsim } from './helpers.js';

test('negsim schema prints a JSON Schema that editors and validators can use', () => {
  const r = negsim(['schema']);
  assert.is(r.code, 0, r.err);
  const schema = JSON.parse(r.out);
  assert.ok(schema.properties.actors);
  const ajv = new Ajv.default({ strict: false });
  assert.ok(ajv.compile(schema));
});

test('--help lists every command; --version prints the version', () => {
  const r = negsim(['--help']);
  assert.is(r.code, 0);
  for (const c of ['run', 'validate', 'trace', 'schema']) assert.match(r.out, `negsim ${c}`);
  assert.match(negsim(['--version']).out, /^\d+\.\d+\.\d+/);
});

test('no command: exit 1 with a hint', () => {
  const r = negsim([]);
  assert.is(r.code, 1);
  assert.match(r.err, /name a command/);
});

test('did you mean: an unknown command or flag gets the nearest one, each unknown flag named once', () => {
  const cmd = negsim(['rnu']);
  assert.is(cmd.code, 1);
  assert.match(cmd.err, "negsim: unknown command 'rnu' (did you mean run?); the commands are run,");
  const flag = negsim(['run', '--max-minutez', '3']);
  assert.is(flag.err, 'negsim: unknown flag --max-minutez (did you mean --max-minutes?)\nSee negsim --help, or negsim <command> --help.\n');
});


test.run();
