import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { OverrideError, ScenarioError } from '../../src/api/errors.js';
import { checkScenario, loadScenario, parseScenario, withOverrides } from '../../src/api/scenario.js';
import { BUNDLED_SCENARIO } from '../../src/api/version.js';
import { formatDiagnostic, loadScenario as loadFile } from '../../src/scenario/load.js';

const cases = (JSON.parse(readFileSync('test/bad/cases.json', 'utf8')) as { files: { file: string; message: string; line?: number; column?: number; severity?: string }[] }).files;

/** What loadScenario throws, or a failure when it throws nothing. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

test('with no path, loadScenario loads the bundled Geneva II scenario, with no overrides and its warnings as data', () => {
  const talks = loadScenario();
  assert.is(talks.scenario.id, 'geneva-2014');
  assert.is(talks.scenario.file, BUNDLED_SCENARIO);
  assert.equal(talks.overrides, {});
  assert.equal(talks.warnings.map((w) => w.text), loadFile(BUNDLED_SCENARIO).diagnostics.map(formatDiagnostic));
});

test('a file that does not load throws ScenarioError whose problems are the loader\'s, with file, line, column, message and hint', () => {
  const bad = cases.filter((c) => c.line !== undefined && c.severity !== 'warning').slice(0, 12);
  assert.ok(bad.length >= 10);
  for (const c of bad) {
    const path = `test/bad/files/${c.file}`;
    const e = thrown(() => loadScenario(path));
    assert.instance(e, ScenarioError, c.file);
    const err = e as ScenarioError;
    assert.is(err.file, path);
    const hit = err.errors.find((p) => p.message.includes(c.message));
    assert.ok(hit, `${c.file}: no problem says '${c.message}'`);
    assert.is(hit!.file, path);
    assert.is(hit!.line, c.line, c.file);
    assert.is(hit!.column, c.column, c.file);
    // each problem is exactly what negsim validate prints for it
    assert.equal(err.problems.map((p) => p.text), loadFile(path).diagnostics.map(formatDiagnostic));
    assert.equal(checkScenario(path), err.problems);
  }
});

test('a problem without a place still names the file, and says how to fix it', () => {
  const e = thrown(() => loadScenario('no/such/talks.yaml')) as ScenarioError;
  assert.instance(e, ScenarioError);
  assert.equal(e.problems, [{
    severity: 'error', file: 'no/such/talks.yaml', message: "scenario file 'no/such/talks.yaml' not found",
    hint: 'check the path (it is relative to the current directory)',
    text: "error: scenario file 'no/such/talks.yaml' not found\n  hint: check the path (it is relative to the current directory)",
  }]);
  assert.match(e.message, /1 problem in no\/such\/talks\.yaml$/);
});

test('parseScenario reads a text under the name given: problems point into it, and the name says YAML or JSON', () => {
  const text = readFileSync(BUNDLED_SCENARIO, 'utf8');
  assert.is(parseScenario(text, { name: 'scenarios/geneva-2014.yaml' }).scenario.hash, loadScenario().scenario.hash);
  const broken = text.replace('capability: {triangular: [0.6, 0.7, 0.8]}', 'capabilty: 0.7');
  assert.is.not(broken, text, 'the edit applies');
  const e = thrown(() => parseScenario(broken, { name: 'mine.yaml' })) as ScenarioError;
  const p = e.errors.find((x) => x.message.includes("unknown key 'capabilty'"));
  assert.ok(p, e.message);
  assert.is(p!.file, 'mine.yaml');
  assert.is(p!.line, text.slice(0, text.indexOf('capability: {triangular: [0.6, 0.7, 0.8]}')).split('\n').length);
  assert.match(p!.hint ?? '', "'capability'");
  const json = checkScenario({ text: '{"id": "x",}', name: 'x.json' });
  assert.match(json[0].message, /^invalid JSON/);
});

test('checkScenario of a clean file lists only its warnings, and never throws', () => {
  assert.ok(checkScenario(BUNDLED_SCENARIO).every((p) => p.severity === 'warning'));
  assert.is(checkScenario({ text: '' })[0].message, 'the file is empty');
  assert.is(checkScenario({ text: '' })[0].file, 'scenario.yaml');
});

test('withOverrides changes a number as --set does; the object form, the text form and load-time set agree', () => {
  const base = loadScenario();
  const a = withOverrides(base, { 'model.lambda': 10, 'actors.gov.capability': { uniform: [0.5, 0.8] } });
  const b = withOverrides(base, ['model.lambda=10', 'actors.gov.capability={uniform: [0.5, 0.8]}']);
  const c = loadScenario(BUNDLED_SCENARIO, { set: { 'model.lambda': 10, 'actors.gov.capability': { uniform: [0.5, 0.8] } } });
  assert.equal(a.overrides, { 'model.lambda': 10, 'actors.gov.capability': { uniform: [0.5, 0.8] } });
  assert.equal(b.scenario, a.scenario);
  assert.equal(c.scenario, a.scenario);
  const lambda = (s: typeof base) => s.scenario.params[s.scenario.model.lambda].dist;
  assert.equal(lambda(a), { kind: 'fixed', value: 10 });
  assert.not.equal(lambda(base), { kind: 'fixed', value: 10 }, 'the scenario given is unchanged');
  // overrides add up, and a path is set once
  const d = withOverrides(withOverrides(base, { 'model.lambda': 10 }), { rounds: 4 });
  assert.equal(d.overrides, { 'model.lambda': 10, rounds: 4 });
  assert.is(d.scenario.rounds, 4);
  const twice = thrown(() => withOverrides(d, { rounds: 5 })) as OverrideError;
  assert.instance(twice, OverrideError);
  assert.match(twice.problems[0].message, 'rounds is set already');
});

test('an override that does not apply throws OverrideError with every problem and the nearest path as a hint', () => {
  const e = thrown(() => withOverrides(loadScenario(), ['model.lamda=10', 'actors.gov.capability=7', 'nonsense'])) as OverrideError;
  assert.instance(e, OverrideError);
  assert.is(e.problems.length, 3);
  assert.is(e.problems[0].message, '--set nonsense: expected path=value');
  assert.match(e.problems.map((p) => p.hint).join('\n'), 'model.lambda');
  assert.match(e.problems.find((p) => p.path === 'actors.gov.capability')!.message, 'actors.gov.capability=7');
  assert.match(e.message, /3 problems with the overrides$/);
});

test.run();
