import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { commandOf, STDIN_FILE, stdinArgument, usageMessage } from '../../src/cli/usage.js';

const COMMANDS = ['run', 'compare', 'sweep', 'report', 'merge', 'validate', 'trace', 'solve', 'forecast', 'backtest', 'schema'];
const RUN_FLAGS = ['help', 'version', 'color', 'runs', 'n', 'seed', 's', 'workers', 'w', 'json', 'csv', 'runs-csv', 'rounds-csv', 'max-minutes', 'quiet', 'q'];
const ctx = (argv: string[]) => ({ argv, commands: COMMANDS, options: RUN_FLAGS });

test('an unknown command gets the nearest one and the list', () => {
  assert.is(usageMessage('Unknown argument: rnu', ctx(['rnu'])), "unknown command 'rnu' (did you mean run?); the commands are " + COMMANDS.join(', '));
  assert.is(usageMessage('Unknown argument: frobnicate', ctx(['frobnicate'])), "unknown command 'frobnicate'; the commands are " + COMMANDS.join(', '));
});

test('each unknown flag is named once (not also in camelCase), with the nearest flag of the command', () => {
  assert.is(usageMessage('Unknown arguments: max-minutez, maxMinutez', ctx(['run', '--max-minutez', '3'])), 'unknown flag --max-minutez (did you mean --max-minutes?)');
  assert.is(usageMessage('Unknown arguments: rnus, fooBar', ctx(['run', '--rnus', '3', '--fooBar'])), 'unknown flag --rnus (did you mean --runs?)\nunknown flag --fooBar');
  assert.is(usageMessage('Unknown argument: runs-cvs', ctx(['run', '--runs-cvs=a.csv'])), 'unknown flag --runs-cvs (did you mean --runs-csv?)');
});

test('a word a command does not take is named as such; yargs\' own text is escaped for the terminal', () => {
  assert.is(usageMessage('Unknown argument: extra', ctx(['schema', 'extra'])), "unexpected argument 'extra' (negsim schema --help lists what it takes)");
  assert.is(usageMessage('Unknown argument: \u001b[2J', ctx(['run', 'a', '\u001b[2J'])), "unexpected argument '\\u001b[2J' (negsim run --help lists what it takes)");
});

test('a missing argument is said in the command\'s terms: merge asks for parts, validate for scenario files', () => {
  assert.match(usageMessage('Not enough non-option arguments: got 0, need at least 1', ctx(['merge'])), /^name the part files to merge, e\.g\. negsim merge part-\*\.json/);
  assert.match(usageMessage('Not enough non-option arguments: got 0, need at least 1', ctx(['validate'])), /^name at least one scenario file/);
});

test('a bare - is standard input for validate only; elsewhere a message, never the bundled scenario', () => {
  assert.equal(stdinArgument(['validate', '-']), ['validate', STDIN_FILE]);
  assert.equal(stdinArgument(['validate', 'a.yaml', '-', '-']), ['validate', 'a.yaml', STDIN_FILE, STDIN_FILE]);
  assert.equal(stdinArgument(['run', 'a.yaml']), ['run', 'a.yaml']);
  assert.equal(stdinArgument(['run', '--', '-']), ['run', '--', '-']);
  for (const argv of [['run', '-'], ['report', '--out', '-'], ['run', '--csv', '-']]) {
    const r = stdinArgument(argv) as { problem: string };
    assert.match(r.problem, "'-' names no file here: only negsim validate - reads standard input");
  }
  assert.is(commandOf(['--no-color', 'run', 'x']), 'run');
});

test.run();
