import { spawnSync } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { overridesText, overrideText, scenarioWord, setArgs, shellQuote } from '../../src/report/command-line.js';

/** The words a POSIX shell makes of `line` (sh itself, each word printed on a line of its own). */
function shellWords(line: string): string[] {
  const r = spawnSync('sh', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' });
  return r.stdout.split('\n').slice(0, -1);
}

test('an override is written as --set takes it; several are separated by "; "', () => {
  assert.is(overrideText('model.lambda', 10), 'model.lambda=10');
  assert.is(overrideText('actors.gov.capability', { uniform: [0.5, 0.8] }), 'actors.gov.capability={uniform: [0.5, 0.8]}');
  assert.is(overridesText({ 'model.lambda': 10, rounds: 4 }), 'model.lambda=10; rounds=4');
  assert.is(overridesText(undefined), '');
});

test('shellQuote leaves plain words alone and single-quotes the rest, so a shell reads back exactly the word', () => {
  assert.is(shellQuote('geneva-2014.yaml'), 'geneva-2014.yaml');
  assert.is(shellQuote('x;echo INJECTED;#.yaml'), "'x;echo INJECTED;#.yaml'");
  assert.is(shellQuote("it's.yaml"), "'it'\\''s.yaml'");
  assert.is(shellQuote(''), "''");
  for (const w of ['x;echo INJECTED;#.yaml', "it's $(rm -rf ~) `id` \"q\" \\ *.yaml", 'a b\tc', '$HOME', '', '-rf']) {
    assert.equal(shellWords(shellQuote(w)), [w], w);
  }
});

test('setArgs and scenarioWord make a command a shell gives back word for word, never a flag from a file name', () => {
  const set = setArgs({ 'model.lambda': 10, 'actors.a.capability': { uniform: [0.5, 0.8] }, x: "it's" });
  assert.is(set, " --set model.lambda=10 --set 'actors.a.capability={uniform: [0.5, 0.8]}' --set 'x=\"it'\\''s\"'");
  assert.equal(shellWords(`${scenarioWord('x;echo INJECTED;#.yaml')}${set}`),
    ['x;echo INJECTED;#.yaml', '--set', 'model.lambda=10', '--set', 'actors.a.capability={uniform: [0.5, 0.8]}', '--set', 'x="it\'s"']);
  assert.is(scenarioWord('-rf.yaml'), './-rf.yaml');
});

test.run();
