import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError, NegsimError, OptionError, OverrideError, ScenarioError, toProblem } from '../../src/api/errors.js';
import { UserError } from '../../src/cli/user-error.js';

test('a diagnostic becomes a problem with its place, message, hint and path, and the text negsim validate prints', () => {
  const p = toProblem({ severity: 'error', message: "unknown key 'capabilty' in actors.gov", hint: "did you mean 'capability'?", loc: { file: 'a.yaml', line: 7, column: 5 }, path: 'actors.gov' });
  assert.equal(p, {
    severity: 'error', file: 'a.yaml', line: 7, column: 5, message: "unknown key 'capabilty' in actors.gov", hint: "did you mean 'capability'?",
    path: 'actors.gov', text: "a.yaml:7:5: error: unknown key 'capabilty' in actors.gov\n  hint: did you mean 'capability'?",
  });
  assert.equal(toProblem({ severity: 'warning', message: 'no effect' }, 'b.yaml'), { severity: 'warning', file: 'b.yaml', message: 'no effect', text: 'warning: no effect' });
  assert.equal(toProblem({ severity: 'warning', message: 'no effect' }), { severity: 'warning', message: 'no effect', text: 'warning: no effect' });
});

test('ScenarioError counts its errors, not its warnings, and keeps both', () => {
  const w = toProblem({ severity: 'warning', message: 'w' }, 'x.yaml');
  const e1 = toProblem({ severity: 'error', message: 'first', loc: { file: 'x.yaml', line: 1, column: 1 } });
  const e2 = toProblem({ severity: 'error', message: 'second' }, 'x.yaml');
  const e = new ScenarioError('x.yaml', [w, e1, e2]);
  assert.equal(e.errors, [e1, e2]);
  assert.is(e.problems.length, 3);
  assert.is(e.message, 'x.yaml:1:1: error: first\nerror: second\n2 problems in x.yaml');
});

test('every error of the library is a NegsimError, told apart by class and name; the command line\'s UserError too', () => {
  const all = [new ScenarioError('x', []), new OverrideError([]), new OptionError('runs', 'runs must be...'), new InputError(['a', 'b']), new UserError('u')];
  assert.ok(all.every((e) => e instanceof NegsimError && e instanceof Error));
  assert.equal(all.map((e) => e.name), ['ScenarioError', 'OverrideError', 'OptionError', 'InputError', 'UserError']);
  assert.is(new InputError(['a', 'b']).message, 'a\nb');
  assert.is(new OptionError('runs', 'm').option, 'runs');
});

test.run();
