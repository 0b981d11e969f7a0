import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parse as yamlParse, stringify } from 'yaml';
import { formatDiagnostic, loadScenario, loadScenarioText } from '../../src/scenario/load.js';
import type { Diagnostic, Scenario } from '../../src/scenario/types.js';

/** Template literal -> YAML text without the common indentation (so line numbers read off the test). */
function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const lines = raw.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n').replace(/[ ]+$/, '');
}

function errors(text: string, file = 'bad.yaml'): Diagnostic[] {
  return loadScenarioText(text, file).diagnostics.filter((d) => d.severity === 'error');
}

/** The one error the text has (fails, listing them, if there is not exactly one). */
function oneError(text: string, file = 'bad.yaml'): Diagnostic {
  const r = loadScenarioText(text, file);
  const errs = r.diagnostics.filter((d) => d.severity === 'error');
  assert.is(errs.length, 1, `expected one error, got:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  assert.is(r.scenario, undefined, 'no scenario when there is an error');
  return errs[0];
}

function warnings(text: string, file = 'ok.yaml'): Diagnostic[] {
  const r = loadScenarioText(text, file);
  assert.ok(r.scenario, `expected a scenario, got:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  return r.diagnostics.filter((d) => d.severity === 'warning');
}

function at(d: Diagnostic): string {
  return d.loc ? `${d.loc.line}:${d.loc.column}` : 'nowhere';
}

function ok(text: string, file = 'ok.yaml'): Scenario {
  const r = loadScenarioText(text, file);
  assert.ok(r.scenario, `expected a scenario, got:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  return r.scenario!;
}

const MINIMAL = yaml`
  id: t
  title: T
  rounds: 5
  issues:
    assad_role: { low: stays, high: leaves }
  actors:
    gov:
      name: Government
      role: party
      capability: 0.5
      position: { assad_role: 10 }
`;

// ------------------------------------------------------------------ good files

test('a minimal scenario resolves with the model slots first and fixed defaults of its own', () => {
  const s = ok(MINIMAL, 'min.yaml');
  assert.is(s.id, 't');
  assert.is(s.rounds, 5);
  assert.is(s.file, 'min.yaml');
  assert.is(s.hash, createHash('sha256').update(Buffer.from(MINIMAL, 'utf8')).digest('hex'));
  assert.equal(s.params.map((p) => p.path), [
    'model.lambda', 'model.discount', 'model.miss', 'model.false_alarm', 'model.audience_cost',
    'model.flexibility', 'model.outside_option', 'model.betrayal_cost', 'model.attend_alone_cost',
    'model.sincerity', 'model.delay_cost', 'model.war_gain', 'model.firmness', 'model.penalty',
    'actors.gov.capability', 'actors.gov.position.assad_role', 'actors.gov.salience.assad_role',
  ]);
  assert.equal(s.params.slice(0, 14).map((p) => (p.dist.kind === 'fixed' ? p.dist.value : NaN)), [7.05, 0.9, 0.2, 0.05, 0.551, 0.218, 0.55, 0.0094, 0.0177, 0.5, 0.02, 0, 1, 0.5]);
  assert.equal(s.params.slice(0, 14).map((p) => [p.min, p.max]), [[0, 1000], [0, 1], [0, 1], [0, 1], [0, 10], [0, 1], [0, 1], [0, 10], [0, 10], [0, 1], [0, 10], [-1, 1], [0, 1], [0, 10]]);
  assert.equal(s.model, {
    lambda: 0, discount: 1, miss: 2, falseAlarm: 3, audienceCost: 4, flexibility: 5, outsideOption: 6, betrayalCost: 7, attendAloneCost: 8,
    sincerity: 9, delayCost: 10, warGain: 11, firmness: 12, penalty: 13, boycottCost: 4, walkoutCost: 4, offerCost: 4,
  });
  const gov = s.actors[0];
  assert.equal(gov.position, [15]);
  assert.equal(gov.salience, [16]);
  assert.is(gov.capability, 14);
  // defaults from model.* share the model's slot
  assert.is(gov.sincerity, 9);
  assert.is(gov.flexibility, 5);
  assert.is(gov.audienceCost, 4);
  assert.equal([gov.boycottCost, gov.walkoutCost, gov.offerCost, gov.warGain], [4, 4, 4, 11]);
  assert.equal(gov.outsideOption, { value: 6 });
  assert.is(gov.essential, true);
  assert.is(gov.atTable, true);
  assert.is(gov.armed, false);
  assert.equal([gov.guarantees, gov.attendIf], [[], []]);
  assert.equal(s.params[14], { path: 'actors.gov.capability', dist: { kind: 'fixed', value: 0.5 }, min: 0, max: 1, loc: { file: 'min.yaml', line: 10, column: 17 } });
  assert.equal(s.params[16], { path: 'actors.gov.salience.assad_role', dist: { kind: 'fixed', value: 0.5 }, min: 0, max: 1 });
  assert.equal([s.deadline, s.deadlineCost, s.window, s.framework, s.calendar], [0, -1, 0, [], undefined]);
  assert.equal(s.issues, [{ id: 'assad_role', name: 'assad_role', low: 'stays', high: 'leaves' }]);
  assert.is(s.measures.length, 0);
});

const RICH = yaml`
  id: geneva-2014
  title: Geneva II
  as_of: 2014-01-17
  rounds: 10
  model:
    lambda: {uniform: [4, 12]}
    miss: 0.25
  issues:
    assad_role: { name: Assad's role, low: stays, high: leaves }
    agenda: { low: transition first, high: terrorism first }
  actors:
    gov:
      name: Syrian government
      role: party
      armed: true
      capability: 0.7
      position: { agenda: {triangular: [80, 95, 100]}, assad_role: 5 }
      salience: { assad_role: 1.0 }
      audience_cost: 0.2
      preferences:
        - red_line: "assad_role <= 15"
        - priority: [agenda, assad_role]
    snc:
      name: Syrian National Coalition
      role: party
      armed: true
      capability: {normal: [0.5, 0.1]}
      position: { assad_role: 95 }
      beliefs: { gov: { sincere: {beta: [2, 6]} } }
      preferences:
        - precondition: "assad_role >= t"
          with: { t: {uniform: [70, 90]} }
          firmness: {beta: [8, 2]}
        - exit: "deviation > 10 or violations >= 2"
        - outside_option: 0.3
        - inclination: attend
          strength: 0.5
    russia:
      name: Russia
      role: sponsor
      capability: 0.6
      position: { agenda: 70 }
      pressure: { on: gov, toward: [attend, comply], strength: {triangular: [0.2, 0.6, 1]} }
  measures:
    aleppo_ceasefire: { kind: ceasefire, offered_by: gov, between: [gov, snc], issue: agenda, tolerance: 2 }
    detainee_exchange: { kind: exchange, offered_by: gov, between: [snc, gov], at: 2, peace: 0.5 }
`;

test('a full scenario resolves references to indexes, shares model slots and orders params canonically', () => {
  const s = ok(RICH);
  assert.is(s.asOf, '2014-01-17');
  assert.equal(s.issues.map((i) => i.name), ["Assad's role", 'agenda']);
  assert.equal(s.actors.map((a) => a.id), ['gov', 'snc', 'russia']);
  const path = (slot: number) => s.params[slot].path;
  const [gov, snc, russia] = s.actors;
  // positions in issue order, whatever the key order in the file
  assert.equal(gov.position.map(path), ['actors.gov.position.assad_role', 'actors.gov.position.agenda']);
  assert.equal(s.params[gov.position[1]].dist, { kind: 'triangular', lo: 80, mode: 95, hi: 100 });
  assert.equal(gov.salience.map(path), ['actors.gov.salience.assad_role', 'actors.gov.salience.agenda']);
  assert.equal(s.params[gov.salience[1]].dist, { kind: 'fixed', value: 0.5 });
  assert.equal(snc.position, [snc.position[0], -1]);
  assert.equal(snc.salience[1], -1);
  assert.is(path(gov.audienceCost), 'actors.gov.audience_cost');
  assert.equal(gov.conditions[0].kind, 'red_line');
  assert.is(path(gov.conditions[0].firmness), 'model.firmness'); // not in the file: the shared default
  assert.equal(gov.priorities, [{ issues: [1, 0], path: 'actors.gov.preferences.1' }]);
  // every preference, belief and pressure knows where it is in the file
  assert.equal([gov.conditions[0].path, snc.beliefs[0].path, snc.exits[0].path, snc.outsideOption.path, snc.inclinations[0].path, russia.pressure[0].path],
    ['actors.gov.preferences.0', 'actors.snc.beliefs.gov', 'actors.snc.preferences.1', 'actors.snc.preferences.2', 'actors.snc.preferences.3', 'actors.russia.pressure.0']);
  assert.equal(snc.beliefs.map((b) => [b.about, path(b.sincere)]), [[0, 'actors.snc.beliefs.gov.sincere']]);
  const pre = snc.conditions[0];
  assert.is(pre.kind, 'precondition');
  assert.equal(pre.with.map((w) => [w.name, path(w.slot)]), [['t', 'actors.snc.preferences.0.with.t']]);
  assert.equal([s.params[pre.with[0].slot].min, s.params[pre.with[0].slot].max], [-1e6, 1e6]);
  assert.equal(s.params[pre.firmness].dist, { kind: 'beta', a: 8, b: 2 });
  // an exit's default cost is the actor's audience cost, here model.audience_cost
  assert.is(snc.exits[0].cost, s.model.audienceCost);
  assert.equal(snc.exits[0].expr, {
    t: 'binary', op: 'or',
    left: { t: 'binary', op: '>', left: { t: 'var', name: 'deviation' }, right: { t: 'num', v: 10 } },
    right: { t: 'binary', op: '>=', left: { t: 'var', name: 'violations' }, right: { t: 'num', v: 2 } },
  });
  assert.is(path(snc.outsideOption.value), 'actors.snc.preferences.2.outside_option');
  assert.equal(snc.inclinations.map((i) => [i.toward, path(i.strength)]), [['attend', 'actors.snc.preferences.3.strength']]);
  assert.is(russia.essential, false);
  assert.equal(russia.pressure.map((p) => [p.on, p.toward, path(p.strength)]), [[0, ['attend', 'comply'], 'actors.russia.pressure.0.strength']]);
  const [cf, ex] = s.measures;
  assert.equal([cf.kind, cf.offeredBy, cf.sides, cf.issue, cf.at, cf.tolerance], ['ceasefire', 0, [0, 1], 1, 0, 2]);
  assert.equal([ex.kind, ex.sides, ex.issue, ex.at, ex.tolerance], ['exchange', [1, 0], -1, 2, 0]);
  assert.is(cf.miss, s.model.miss);
  assert.is(cf.falseAlarm, s.model.falseAlarm);
  assert.equal(s.params[s.model.miss].dist, { kind: 'fixed', value: 0.25 });
  assert.is(path(cf.peace), 'measures.aleppo_ceasefire.peace');
  assert.equal(s.params[ex.peace].dist, { kind: 'fixed', value: 0.5 });
  // every slot in range and every path unique
  assert.is(new Set(s.params.map((p) => p.path)).size, s.params.length);
  // canonical order: model, then actors in file order, then measures
  assert.equal(s.params.map((p) => p.path.split('.').slice(0, 2).join('.')).filter((v, i, a) => a.indexOf(v) === i),
    ['model.lambda', 'model.discount', 'model.miss', 'model.false_alarm', 'model.audience_cost', 'model.flexibility',
      'model.outside_option', 'model.betrayal_cost', 'model.attend_alone_cost', 'model.sincerity', 'model.delay_cost', 'model.war_gain', 'model.firmness', 'model.penalty',
      'actors.gov', 'actors.snc', 'actors.russia',
      'measures.aleppo_ceasefire', 'measures.detainee_exchange']);
});

test('the scenario is plain data (survives structuredClone unchanged)', () => {
  const s = ok(RICH);
  assert.equal(structuredClone(s), s);
});

test('JSON and YAML of the same scenario give the same Scenario, except file and hash', () => {
  const y = ok(RICH, 'same.yaml');
  const json = JSON.stringify(yamlParse(RICH), null, 2);
  const j = ok(json, 'same.json');
  const strip = (s: Scenario) => ({ ...s, file: '', hash: '', params: s.params.map(({ loc: _loc, ...p }) => p) });
  assert.equal(strip(j), strip(y));
  assert.is.not(j.hash, y.hash);
  assert.is(j.file, 'same.json');
});


test('a minified one-line JSON file (longer than 1024 characters) loads', () => {
  const text = JSON.stringify(yamlParse(RICH));
  assert.ok(text.length > 1024);
  ok(text, 'min.json');
});

test('a UTF-8 BOM and CRLF line ends are accepted, and positions stay right', () => {
  const text = '\uFEFF' + MINIMAL.replace(/\n/g, '\r\n');
  const s = ok(text, 'crlf.yaml');
  assert.is(s.title, 'T');
  assert.equal(s.params.find((p) => p.path === 'actors.gov.capability')!.loc, { file: 'crlf.yaml', line: 10, column: 17 });
  assert.is(s.hash, createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
  const e = oneError('\uFEFF' + MINIMAL.replace('capability: 0.5', 'capability: 1.5').replace(/\n/g, '\r\n'));
  assert.is(at(e), '10:17');
});

test('loadScenario reads a file from disk, hashes its bytes and reads source.file next to it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'negsim-load-'));
  writeFileSync(join(dir, 'article.txt'), 'The opposition said: \u201Cwe will withdraw\u201D \u2014 if needed.');
  const text = yaml`
    id: t
    title: T
    source: { title: An article, file: article.txt }
    rounds: 5
    issues:
      a: { low: l, high: h }
    actors:
      gov:
        name: G
        role: party
        capability: 0.5
        position: { a: 10 }
        preferences:
          - exit: "deviation > 10"
            source: 'said: "We will withdraw" - if needed'
  `;
  const file = join(dir, 'scenario.yaml');
  writeFileSync(file, text);
  const r = loadScenario(file);
  assert.equal(r.diagnostics, []);
  assert.is(r.scenario?.source?.text, 'The opposition said: \u201Cwe will withdraw\u201D \u2014 if needed.');
  assert.is(r.scenario?.source?.file, 'article.txt');
  assert.is(r.scenario?.hash, createHash('sha256').update(text).digest('hex'));
  assert.is(r.scenario?.actors[0].exits[0].source, 'said: "We will withdraw" - if needed');
});

// ------------------------------------------------------------------ files that cannot be read

test('a missing file is reported with its name and no location', () => {
  const r = loadScenario('/nonexistent/dir/geneva.yaml');
  assert.is(r.diagnostics.length, 1);
  assert.is(r.diagnostics[0].message, "scenario file '/nonexistent/dir/geneva.yaml' not found");
  assert.is(r.diagnostics[0].loc, undefined);
});

test('a file over 5 MB is refused before parsing', () => {
  const big = `id: t\ndescription: "${'x'.repeat(5 * 1024 * 1024)}"\n`;
  const r = loadScenarioText(big, 'big.yaml');
  assert.is(r.diagnostics.length, 1);
  assert.match(r.diagnostics[0].message, /^scenario file 'big\.yaml' is too large \(5242902 bytes; the limit is 5242880, 5 MB\)$/);
});

test('a file that is not UTF-8 is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'negsim-load-'));
  const file = join(dir, 'latin1.yaml');
  writeFileSync(file, Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]));
  const r = loadScenario(file);
  assert.is(r.diagnostics[0].message, `scenario file '${file}' is not valid UTF-8 text`);
});

test('a billion-laughs YAML is refused quickly', () => {
  const text = yaml`
    a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
    e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
    f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
    g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
    h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
    i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
  `;
  const t0 = performance.now();
  const e = oneError(text);
  const ms = performance.now() - t0;
  assert.is(e.message, 'the file expands YAML aliases (*name) more than 100 times');
  assert.ok(ms < 1000, `took ${ms} ms`);
});

test('nesting deeper than 64 levels is refused before the YAML composer can exhaust the stack', () => {
  const flow = oneError(`id: t\ndescription: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
  assert.is(flow.message, 'the file nests lists and mappings more than 64 levels deep');
  assert.is(flow.loc?.line, 2);
  const json = oneError(`${'{"a": '.repeat(5000)}1${'}'.repeat(5000)}`, 'deep.json');
  assert.is(json.message, 'the file nests lists and mappings more than 64 levels deep');
  const block = oneError(Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n');
  assert.is(block.message, 'the file nests lists and mappings more than 64 levels deep');
  assert.is(at(block), '65:65');
  // and after all that the parser still works
  ok(MINIMAL);
});

test('an empty file and a list at the top level are refused', () => {
  assert.is(oneError('').message, 'the file is empty');
  assert.is(oneError('# just a comment\n').message, 'the file is empty');
  const e = oneError('- a\n- b\n');
  assert.is(e.message, 'the top level must be a mapping (id: ..., title: ..., ...); got a list');
  assert.is(at(e), '1:1');
});

// ------------------------------------------------------------------ YAML and JSON syntax

test('a YAML syntax error is reported with line:column', () => {
  const e = oneError(MINIMAL + '\n    sincerity: a: b\n');
  assert.is(e.message, 'YAML syntax error: nested mappings are not allowed in compact mappings');
  assert.is(at(e), '13:16');
  // an unclosed list is reported where the parser notices it: the end of the file
  const open = oneError(MINIMAL + '\n    salience: [1, 2\n');
  assert.is(open.message, 'YAML syntax error: flow sequence in block collection must be sufficiently indented and end with a ]');
  assert.is(at(open), '14:1');
});

test('a tab used for indentation is named', () => {
  const e = oneError(MINIMAL + '\n\tsincerity: 0.5\n');
  assert.is(e.message, 'tab used for indentation');
  assert.is(e.hint, 'YAML indents with spaces only');
  assert.is(at(e), '13:1');
});

test('a duplicate key (two actors with one id) is a parse error that says so', () => {
  const e = oneError(MINIMAL + '\n  gov:\n    name: Other\n');
  assert.is(e.message, "duplicate key 'gov': a key may appear only once in a mapping (so ids are unique)");
  assert.is(at(e), '13:3');
});

test('a second YAML document is refused', () => {
  const e = oneError(MINIMAL + '\n---\nid: u\n');
  assert.is(e.message, "the file holds more than one YAML document (a second '---')");
  assert.is(at(e), '13:1');
});

test('invalid JSON in a .json file is reported with line:column', () => {
  const e1 = oneError('{\n  "id": "t",\n  "title": "T",\n}\n', 'bad.json');
  assert.is(e1.message, 'invalid JSON: expected double-quoted property name');
  assert.is(at(e1), '4:1');
  assert.is(e1.hint, 'JSON allows no trailing commas and needs double-quoted keys');
  const e2 = oneError('{\n  "id": "t",\n  "title": tru\n}\n', 'bad.json');
  assert.is(e2.message, 'invalid JSON: unexpected character "\\n"');
  assert.is(at(e2), '3:12');
  // YAML that is not JSON is not accepted as JSON
  const e3 = oneError('id: t\ntitle: T\n', 'bad.json');
  assert.match(e3.message, /^invalid JSON: /);
  assert.is(at(e3), '1:1');
});

test('a duplicate key in JSON is caught too', () => {
  const e = oneError('{"id": "a", "id": "b"}', 'dup.json');
  assert.is(e.message, "duplicate key 'id': a key may appear only once in a mapping (so ids are unique)");
  assert.is(at(e), '1:13');
});

// ------------------------------------------------------------------ schema errors

test('an unknown key points at the key and suggests the nearest valid one', () => {
  const e = oneError(MINIMAL + '\n    capabilty: 0.3\n');
  assert.is(e.message, "unknown key 'capabilty' in actors.gov");
  assert.is(e.hint, "did you mean 'capability'?");
  assert.is(at(e), '13:5');
  const top = oneError(MINIMAL.replace('rounds: 5', 'rounds: 5\nround: 5'));
  assert.is(top.message, "unknown key 'round' at the top level");
  assert.is(top.hint, "did you mean 'rounds'?");
  assert.is(at(top), '4:1');
  const comma = oneError(MINIMAL.replace('title: T', 'source: { title: AP report, 17 January 2014 }\ntitle: T'));
  assert.is(comma.message, "unknown key '17 January 2014' in source");
  assert.is(comma.hint, 'allowed keys here: title, file, url, publisher, date; if this is the end of a text cut at a comma inside {...}, put the whole text in quotes');
  assert.is(at(comma), '2:29');
  const far = oneError(MINIMAL + '\n    zzzz: 1\n');
  assert.match(far.hint ?? '', /^allowed keys here: name, role, at_table, essential, armed, capability, /);
});

test('an id that breaks the id rules is reported at the key', () => {
  const e = oneError(MINIMAL + '\n  Snc:\n    name: S\n    role: party\n    capability: 0.5\n');
  assert.is(e.message, "invalid id 'Snc' in actors: ids are lowercase letters, digits and _, starting with a letter");
  assert.is(e.hint, "rename it, e.g. 'snc'");
  assert.is(at(e), '13:3');
});

test('a wrong type names what was expected and what was found', () => {
  const e = oneError(MINIMAL.replace('capability: 0.5', 'capability: high'));
  assert.is(e.message, "actors.gov.capability: expected a number or an uncertain value like {uniform: [lo, hi]}, got a string ('high')");
  assert.is(at(e), '10:17');
  const q = oneError(MINIMAL.replace('capability: 0.5', 'capability: "0.5"'));
  assert.is(q.hint, 'remove the quotes: capability: 0.5');
  const list = oneError(MINIMAL.replace('capability: 0.5', 'capability: [0.2, 0.4]'));
  assert.is(list.message, 'actors.gov.capability: expected a number or an uncertain value like {uniform: [lo, hi]}, got a list');
  assert.is(list.hint, 'for a range write {uniform: [0.2, 0.4]}');
  const title = oneError(MINIMAL.replace('title: T', 'title: 2014'));
  assert.is(title.message, 'title: expected a string, got the number 2014');
  assert.is(title.hint, "quote it: '2014'");
  const issues = oneError(MINIMAL.replace('  assad_role: { low: stays, high: leaves }', '  - assad_role').replace('position: { assad_role: 10 }', 'sincerity: 0.5'));
  assert.is(issues.message, 'issues: expected a mapping (key: value), got a list');
  assert.is(at(issues), '5:3');
});

test('an empty value is reported at its key', () => {
  const e = oneError(MINIMAL.replace('capability: 0.5', 'capability:'));
  assert.is(e.message, 'actors.gov.capability: expected a number or an uncertain value like {uniform: [lo, hi]}, got nothing (an empty value)');
  assert.is(e.hint, "write a value after 'capability:'");
  assert.is(at(e), '10:5');
});

test('a yes/no where a boolean is wanted gets a YAML 1.2 hint', () => {
  const e = oneError(MINIMAL + '\n    armed: yes\n');
  assert.is(e.message, "actors.gov.armed: expected true or false, got a string ('yes')");
  assert.is(e.hint, 'write true or false (YAML 1.2 reads yes/no/on/off as text)');
  assert.is(at(e), '13:12');
});

test('a number out of its range names the range and the value', () => {
  const e = oneError(MINIMAL.replace('capability: 0.5', 'capability: 1.5'));
  assert.is(e.message, 'actors.gov.capability must be within [0, 1]; got 1.5');
  assert.is(at(e), '10:17');
  const p = oneError(MINIMAL.replace('assad_role: 10', 'assad_role: 120'));
  assert.is(p.message, 'actors.gov.position.assad_role must be within [0, 100]; got 120');
  assert.is(at(p), '11:29');
  const r = oneError(MINIMAL.replace('rounds: 5', 'rounds: 500'));
  assert.is(r.message, 'rounds must be within [1, 200]; got 500');
  assert.is(at(r), '3:9');
  const i = oneError(MINIMAL.replace('rounds: 5', 'rounds: 2.5'));
  assert.is(i.message, 'rounds must be a whole number; got 2.5');
  const inf = oneError(MINIMAL.replace('capability: 0.5', 'capability: .inf'));
  assert.is(inf.message, 'actors.gov.capability must be a finite number; got Infinity');
});

test('a missing required key says which and where to put it', () => {
  const e = oneError(MINIMAL.replace('    capability: 0.5\n', ''));
  assert.is(e.message, "missing required key 'capability' in actors.gov");
  assert.is(e.hint, "add 'capability: ...' under 'gov' (relative power to shape the outcome)");
  assert.is(at(e), '7:3');
  const top = oneError(MINIMAL.replace('rounds: 5\n', ''));
  assert.is(top.message, "missing required key 'rounds' at the top level");
  assert.is(top.hint, "add 'rounds: ...' at the top level (rounds of talks, 1..200)");
  assert.is(at(top), '1:1');
});

test('an enum value is checked with a suggestion', () => {
  const e = oneError(MINIMAL.replace('role: party', 'role: partty'));
  assert.is(e.message, "actors.gov.role must be one of party, sponsor, mediator, ratifier; got a string ('partty')");
  assert.is(e.hint, "did you mean 'party'?");
  assert.is(at(e), '9:11');
});

test('as_of must be a real date written YYYY-MM-DD', () => {
  const e = oneError(MINIMAL.replace('rounds: 5', 'rounds: 5\nas_of: 17 Jan 2014'));
  assert.is(e.message, "as_of must be a date written YYYY-MM-DD; got '17 Jan 2014'");
  assert.is(at(e), '4:8');
  const f = oneError(MINIMAL.replace('rounds: 5', 'rounds: 5\nas_of: 2014-02-30'));
  assert.is(f.message, "as_of: '2014-02-30' is not a calendar date");
  assert.is(at(f), '4:8');
});

test('priority needs two distinct issues', () => {
  const e = oneError(MINIMAL + '\n    preferences:\n      - priority: [assad_role]\n');
  assert.is(e.message, 'actors.gov.preferences.0.priority needs at least 2 items; got 1');
  assert.is(at(e), '14:19');
  const d = oneError(MINIMAL + '\n    preferences:\n      - priority: [assad_role, assad_role]\n');
  assert.is(d.message, 'actors.gov.preferences.0.priority lists "assad_role" twice');
});

// ------------------------------------------------------------------ uncertain values: one clear message

test('a failed uncertain value gets one message, not one per schema branch', () => {
  const cases: [string, string, string | undefined][] = [
    ['{gaussian: [0.5, 0.1]}', "actors.gov.capability: unknown distribution 'gaussian'", 'use one of {normal: [mean, sd]}, {uniform: [lo, hi]}, {triangular: [lo, mode, hi]}, {beta: [a, b]}'],
    ['{normall: [0.5, 0.1]}', "actors.gov.capability: unknown distribution 'normall'", "did you mean 'normal'?"],
    ['{normal: [0.5, 0]}', 'actors.gov.capability: normal sd must be > 0; got 0', 'for a fixed value write 0.5'],
    ['{normal: [0.5, -0.1]}', 'actors.gov.capability: normal sd must be > 0; got -0.1', undefined],
    ['{normal: [0.5]}', 'actors.gov.capability: normal takes [mean, sd] (2 numbers); got [0.5]', undefined],
    ['{uniform: [0.8, 0.2]}', 'actors.gov.capability: uniform needs lo <= hi; got [0.8, 0.2]', 'swap them: {uniform: [0.2, 0.8]}'],
    ['{triangular: [0.2, 0.9, 0.5]}', 'actors.gov.capability: triangular needs lo <= mode <= hi; got [0.2, 0.9, 0.5]', 'write it as [lo, mode, hi], the mode (most likely value) in the middle'],
    ['{triangular: [0.5, 0.5, 0.5]}', 'actors.gov.capability: triangular needs lo < hi; got [0.5, 0.5, 0.5]', 'for a fixed value write 0.5'],
    ['{beta: [0, 2]}', 'actors.gov.capability: beta needs a > 0 and b > 0; got [0, 2]', undefined],
    ['{uniform: [1.5, 2]}', 'actors.gov.capability: uniform [1.5, 2] lies wholly outside the range [0, 1]', undefined],
    ['{triangular: [-3, -2, -1]}', 'actors.gov.capability: triangular [-3, -2, -1] lies wholly outside the range [0, 1]', undefined],
    ['{normal: [1.2, 0.1]}', "actors.gov.capability: the normal's mean 1.2 lies outside the range [0, 1]", undefined],
    ['{normal: [0.5, 0.1], uniform: [0, 1]}', "actors.gov.capability: an uncertain value has exactly one key (the distribution), got 'normal', 'uniform'", 'use one of {normal: [mean, sd]}, {uniform: [lo, hi]}, {triangular: [lo, mode, hi]}, {beta: [a, b]}'],
    ['{}', 'actors.gov.capability: an uncertain value needs a distribution, got an empty mapping', 'use one of {normal: [mean, sd]}, {uniform: [lo, hi]}, {triangular: [lo, mode, hi]}, {beta: [a, b]}'],
  ];
  for (const [value, message, hint] of cases) {
    const e = oneError(MINIMAL.replace('capability: 0.5', `capability: ${value}`));
    assert.is(e.message, message, value);
    assert.is(e.hint, hint, value);
    assert.is(at(e), '10:17', value);
  }
});

test('beta is refused on a field whose range is not within [0, 1]', () => {
  const e = oneError(MINIMAL.replace('assad_role: 10', 'assad_role: {beta: [2, 2]}'));
  assert.is(e.message, 'actors.gov.position.assad_role: beta is only allowed on fields within [0, 1]; this one is within [0, 100]');
  assert.is(at(e), '11:29');
});

test('a uniform that reaches into the range is accepted and clipped later', () => {
  const s = ok(MINIMAL.replace('capability: 0.5', 'capability: {uniform: [0.8, 1.4]}'));
  assert.equal(s.params.find((p) => p.path === 'actors.gov.capability'), {
    path: 'actors.gov.capability', dist: { kind: 'uniform', lo: 0.8, hi: 1.4 }, min: 0, max: 1,
    loc: { file: 'ok.yaml', line: 10, column: 17 },
  });
});

// ------------------------------------------------------------------ preferences' shape

test('a preference with no kind key, two kind keys, or given as a string gets one message', () => {
  const none = oneError(MINIMAL + '\n    preferences:\n      - redline: "assad_role < 40"\n');
  assert.is(none.message, "actors.gov.preferences.0: a preference needs one of red_line, precondition, exit, priority, outside_option, inclination, attend_if; got 'redline'");
  assert.is(none.hint, "did you mean 'red_line'?");
  assert.is(at(none), '14:9');
  const two = oneError(MINIMAL + '\n    preferences:\n      - red_line: "assad_role < 40"\n        exit: "deviation > 3"\n');
  assert.is(two.message, "actors.gov.preferences.0: a preference has exactly one kind, this one has 'red_line' and 'exit'");
  assert.is(at(two), '14:9');
  const str = oneError(MINIMAL + '\n    preferences:\n      - "assad_role < 40"\n');
  assert.is(str.message, "actors.gov.preferences.0: a preference is a mapping with one of red_line, precondition, exit, priority, outside_option, inclination, attend_if; got a string ('assad_role < 40')");
  assert.is(str.hint, 'write it as \'- red_line: "assad_role < 40"\' (or precondition, exit)');
});

test('a key that belongs to another kind of preference is an unknown key of this kind', () => {
  const e = oneError(MINIMAL + '\n    preferences:\n      - red_line: "assad_role < 40"\n        cost: 3\n');
  assert.is(e.message, "unknown key 'cost' in actors.gov.preferences.0");
  assert.is(e.hint, 'allowed keys here: red_line, with, firmness, penalty, source');
  assert.is(at(e), '15:9');
});

test('an inclination needs its strength', () => {
  const e = oneError(MINIMAL + '\n    preferences:\n      - inclination: attend\n');
  assert.is(e.message, "missing required key 'strength' in actors.gov.preferences.0");
  assert.is(at(e), '14:9');
});

// ------------------------------------------------------------------ references and names

test('unknown references name the nearest id', () => {
  const pos = oneError(MINIMAL.replace('position: { assad_role: 10 }', 'position: { asad_role: 10 }'));
  assert.is(pos.message, "unknown issue 'asad_role' in actors.gov.position");
  assert.is(pos.hint, "did you mean 'assad_role'?");
  assert.is(at(pos), '11:17');
  const pr = oneError(MINIMAL + '\n    preferences:\n      - priority: [assad_role, agendaa]\n');
  assert.is(pr.message, "unknown issue 'agendaa' in actors.gov.preferences.0.priority");
  assert.is(pr.hint, 'issues: assad_role');
  assert.is(at(pr), '14:32');
  const on = oneError(MINIMAL + '\n  us:\n    name: US\n    role: sponsor\n    capability: 0.5\n    position: { assad_role: 60 }\n    pressure: { on: gvo, toward: attend, strength: 1 }\n');
  assert.is(on.message, "unknown actor 'gvo' in actors.us.pressure.on");
  assert.is(on.hint, "did you mean 'gov'?");
  assert.is(at(on), '18:21');
  const bel = oneError(MINIMAL + '\n    beliefs: { snc: { sincere: 0.3 } }\n');
  assert.is(bel.message, "unknown actor 'snc' in actors.gov.beliefs.snc");
  assert.is(at(bel), '13:16');
});

const TWO_PARTIES = MINIMAL + yaml`
  |  snc:
  |    name: Coalition
  |    role: party
  |    capability: 0.5
  |    position: { assad_role: 90 }
`.replace(/^\|/gm, '');

test('measure references: unknown actor, unknown issue, same actor twice, a sponsor, an unarmed ceasefire side', () => {
  assert.is(TWO_PARTIES.split('\n')[11], '  snc:');
  const unknown = oneError(TWO_PARTIES + 'measures:\n  ex: { kind: exchange, offered_by: gov, between: [gov, scn] }\n');
  assert.is(unknown.message, "unknown actor 'scn' in measures.ex.between.1");
  assert.is(unknown.hint, "did you mean 'snc'?");
  assert.is(at(unknown), '18:57');
  const issue = oneError(TWO_PARTIES + 'measures:\n  ex: { kind: exchange, offered_by: gov, between: [gov, snc], issue: detainees }\n');
  assert.is(issue.message, "unknown issue 'detainees' in measures.ex");
  assert.is(at(issue), '18:70');
  const same = oneError(TWO_PARTIES + 'measures:\n  ex: { kind: exchange, offered_by: gov, between: [gov, gov] }\n');
  assert.is(same.message, 'measures.ex.between lists "gov" twice');
  assert.is(at(same), '18:51');
  // a sponsor or guarantor may be a side of an exchange (issue 13); a ratifier may not
  const sponsor = errors(TWO_PARTIES.replace('role: party\n    capability: 0.5\n    position: { assad_role: 90 }', 'role: sponsor\n    capability: 0.5\n    position: { assad_role: 90 }') +
    'measures:\n  ex: { kind: exchange, offered_by: gov, between: [gov, snc] }\n');
  assert.is(sponsor.length, 0);
  const ratifier = oneError(TWO_PARTIES.replace('role: party\n    capability: 0.5\n    position: { assad_role: 90 }', 'role: ratifier\n    capability: 0.5\n    position: { assad_role: 90 }') +
    'measures:\n  ex: { kind: exchange, offered_by: gov, between: [gov, snc] }\n');
  assert.is(ratifier.message, "measures.ex: 'snc' is a ratifier, which only votes on a signed deal");
  const cf = errors(TWO_PARTIES.replace('    role: party\n    capability: 0.5\n    position: { assad_role: 10 }', '    role: party\n    armed: true\n    capability: 0.5\n    position: { assad_role: 10 }') +
    'measures:\n  cf: { kind: ceasefire, offered_by: gov, between: [gov, snc] }\n');
  assert.is(cf.length, 1);
  assert.is(cf[0].message, "measures.cf: a ceasefire is between armed actors, and 'snc' is not armed");
  assert.is(cf[0].hint, "add 'armed: true' to actors.snc if it fields forces");
  assert.is(at(cf[0]), '19:58');
});

test('measure rules: at after the last round, tolerance on an exchange', () => {
  const late = oneError(TWO_PARTIES + 'measures:\n  ex: { kind: exchange, offered_by: gov, between: [gov, snc], at: 9 }\n');
  assert.is(late.message, 'measures.ex.at: round 9 is after the last round (rounds: 5)');
  assert.is(late.hint, "use 'before' or a round in 1..5");
  assert.is(at(late), '18:67');
  const word = oneError(TWO_PARTIES + 'measures:\n  ex: { kind: exchange, offered_by: gov, between: [gov, snc], at: after }\n');
  assert.is(word.message, "measures.ex.at must be 'before' or 'in_force' or a whole number in 1..200; got a string ('after')");
  const tol = oneError(TWO_PARTIES + 'measures:\n  ex: { kind: exchange, offered_by: gov, between: [gov, snc], tolerance: 2 }\n');
  assert.is(tol.message, 'measures.ex: tolerance applies to ceasefires only, and this is an exchange');
  assert.is(at(tol), '18:63');
});

test('reserved names and an id shared by an issue and an actor are refused', () => {
  const e = oneError(MINIMAL.replace('  assad_role: { low', '  round: { low').replace('assad_role: 10', 'round: 10'));
  assert.is(e.message, "'round' is a reserved name and cannot be an issue id");
  assert.is(at(e), '5:3');
  const c = oneError(MINIMAL.replace('  gov:', '  assad_role:'));
  assert.is(c.message, "'assad_role' is both an issue id and an actor id");
  assert.is(at(c), '7:3');
  const w = oneError(MINIMAL + '\n    preferences:\n      - red_line: "assad_role <= trust"\n        with: { trust: 10 }\n');
  assert.is(w.message, "'trust' is a reserved name and cannot be a 'with' name");
  assert.is(at(w), '15:17');
});

// ------------------------------------------------------------------ role and count rules

test('only parties may be essential; at least one party; one outside option; no belief in or pressure on oneself', () => {
  const ess = oneError(MINIMAL + '\n  us:\n    name: US\n    role: sponsor\n    essential: true\n    capability: 0.5\n    position: { assad_role: 50 }\n');
  assert.is(ess.message, 'actors.us: only parties may be essential, and this actor is a sponsor');
  assert.is(at(ess), '16:16');
  const none = oneError(MINIMAL.replace('role: party', 'role: mediator'));
  assert.is(none.message, "no actor has role 'party': a negotiation needs at least one party");
  assert.is(at(none), '6:1');
  const oo = oneError(MINIMAL + '\n    preferences:\n      - outside_option: 0.3\n      - outside_option: 0.4\n');
  assert.is(oo.message, 'actors.gov has more than one outside_option');
  assert.is(at(oo), '15:9');
  const self = oneError(MINIMAL + '\n    beliefs: { gov: { sincere: 0.5 } }\n');
  assert.is(self.message, 'actors.gov holds a belief about itself');
  assert.is(at(self), '13:16');
  const press = oneError(MINIMAL + '\n    pressure: [{ on: gov, toward: stay, strength: 1 }]\n');
  assert.is(press.message, 'actors.gov presses itself');
  assert.is(at(press), '13:22');
});

test('a salience for an issue without a position is an error', () => {
  const e = oneError(MINIMAL.replace('position: { assad_role: 10 }', 'salience: { assad_role: 0.9 }'));
  assert.is(e.message, "actors.gov has a salience for 'assad_role' but no position on it");
  assert.is(at(e), '11:17');
});

// ------------------------------------------------------------------ expressions

test('expression errors are located inside the string', () => {
  const unknown = oneError(MINIMAL + '\n    preferences:\n      - red_line: "asad_role <= 15"\n');
  assert.is(unknown.message, "actors.gov.preferences.0.red_line: unknown name 'asad_role'");
  assert.is(unknown.hint, "did you mean 'assad_role'?");
  assert.is(at(unknown), '14:20');
  const assign = oneError(MINIMAL + '\n    preferences:\n      - red_line: assad_role = 15\n');
  assert.is(assign.message, "actors.gov.preferences.0.red_line: assignment ('assad_role = 15') is not allowed");
  assert.is(assign.hint, "to compare two values write '=='");
  assert.is(at(assign), '14:30');
  const num = oneError(MINIMAL + '\n    preferences:\n      - precondition: "assad_role * 2"\n');
  assert.is(num.message, "actors.gov.preferences.0.precondition: a condition must be true or false, but 'assad_role * 2' is a number");
  assert.is(at(num), '14:23');
  const hostile = oneError(MINIMAL + '\n    preferences:\n      - red_line: \'import({}, {override: true})\'\n');
  assert.is(hostile.message, "actors.gov.preferences.0.red_line: function 'import' is not allowed");
  assert.is(at(hostile), '14:20');
});

test('exit-only names are refused in red lines with a reason, accepted in exits', () => {
  const e = oneError(MINIMAL + '\n    preferences:\n      - red_line: "deviation < 10"\n');
  assert.is(e.message, "actors.gov.preferences.0.red_line: name 'deviation' is not available here: it is only available in exit expressions");
  const s = ok(MINIMAL + '\n    preferences:\n      - exit: "deviation > 10 or trust < 0.2 or round == rounds"\n');
  assert.equal(s.actors[0].exits[0].with, []);
});

test("a 'with' name is in scope for its expression and shares no name with an issue", () => {
  const s = ok(MINIMAL + '\n    preferences:\n      - red_line: "assad_role <= t"\n        with: { t: {uniform: [10, 20]} }\n');
  assert.equal(s.actors[0].conditions[0].with.map((w) => w.name), ['t']);
  const e = oneError(MINIMAL + '\n    preferences:\n      - red_line: "assad_role <= 15"\n        with: { assad_role: 3 }\n');
  assert.is(e.message, "'with' name 'assad_role' is already an issue id");
});

// ------------------------------------------------------------------ quotes

const QUOTED = (quote: string, file = 'article.txt') => yaml`
  id: t
  title: T
  source: { title: AP, file: ${file} }
  rounds: 5
  issues:
    assad_role: { low: stays, high: leaves }
  actors:
    snc:
      name: Coalition
      role: party
      capability: 0.5
      position: { assad_role: 90 }
      preferences:
        - exit: "deviation > 10"
          source: ${quote}
`;

function quoteDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'negsim-quote-'));
  writeFileSync(join(dir, 'article.txt'),
    '"We are not obliged to stay there forever. If we find any deviation in the negotiations, we\'ll withdraw. ... We\'ll find a way to say \'goodbye\'," he told The Associated Press.\n' +
    'The opposition has accused the government of reneging on promises in the past and declaring cease-fires only to buy time.\n');
  return dir;
}

test('quotes match across case, whitespace, curly quotes, dashes and marked omissions', () => {
  const dir = quoteDir();
  for (const q of [
    '"If we find any deviation in the negotiations, we\'ll withdraw."',
    '"if we find  any deviation\u00A0in the negotiations, we\u2019ll withdraw"',
    '"declaring cease\u2013fires only to buy time"',
    '"We are not obliged to stay there forever ... we\'ll withdraw"',
    '"accused the government [...] reneging on promises"',
  ]) {
    const r = loadScenario(join(dir, 's.yaml'), { text: QUOTED(q) });
    assert.equal(r.diagnostics.map(formatDiagnostic), [], q);
  }
});

test('a quote not in the source is an error with its first words and where it parts from the source', () => {
  const dir = quoteDir();
  const r = loadScenario(join(dir, 's.yaml'), { text: QUOTED('"If we find any deviation in the talks, we will withdraw at once and never come back."') });
  const errs = r.diagnostics.filter((d) => d.severity === 'error');
  assert.is(errs.length, 1);
  assert.is(errs[0].message, 'quote not found in the source file article.txt: "If we find any deviation in the talks, …"');
  assert.is(errs[0].hint, 'the first 7 words match; then the source has "negotiations, we\'ll withdraw. ... we\'ll find" where the quote has "talks, we will withdraw at once"');
  assert.is(at(errs[0]), '15:17');
  const far = loadScenario(join(dir, 's.yaml'), { text: QUOTED('"Peace now"') }).diagnostics[0];
  assert.is(far.message, 'quote not found in the source file article.txt: "Peace now"');
  assert.is(far.hint, "copy the words from article.txt (spacing, quote marks, dashes and case may differ; mark omissions with '...')");
});

test('a source file outside the scenario folder is refused, by path or by symlink', () => {
  const dir = quoteDir();
  const outside = mkdtempSync(join(tmpdir(), 'negsim-private-'));
  writeFileSync(join(outside, 'notes.txt'), 'private deviation notes');
  const rel = relative(dir, join(outside, 'notes.txt'));
  const r = loadScenario(join(dir, 's.yaml'), { text: QUOTED('"deviation"', rel) });
  assert.is(r.diagnostics[0].message, `source file '${rel}' is outside the scenario's folder`);
  assert.is(r.diagnostics[0].hint, 'copy the source text next to the scenario file (negsim reads no files elsewhere)');
  assert.is(r.scenario, undefined);
  symlinkSync(join(outside, 'notes.txt'), join(dir, 'link.txt'));
  const l = loadScenario(join(dir, 's.yaml'), { text: QUOTED('"deviation"', 'link.txt') });
  assert.is(l.diagnostics[0].message, "source file 'link.txt' is outside the scenario's folder");
  // a subfolder is fine
  mkdirSync(join(dir, 'sources'));
  writeFileSync(join(dir, 'sources', 'a.txt'), 'any deviation');
  assert.equal(loadScenario(join(dir, 's.yaml'), { text: QUOTED('"deviation"', 'sources/a.txt') }).diagnostics, []);
});

test('a missing source file is an error at source.file', () => {
  const dir = quoteDir();
  const r = loadScenario(join(dir, 's.yaml'), { text: QUOTED('"deviation"', 'missing.txt') });
  assert.is(r.diagnostics.length, 1);
  assert.is(r.diagnostics[0].message, `source file 'missing.txt' not found (looked for ${join(dir, 'missing.txt')})`);
  assert.is(at(r.diagnostics[0]), '3:28');
});

// ------------------------------------------------------------------ warnings

test('a red line no deal can satisfy is a warning; a satisfiable one is not', () => {
  const one = warnings(MINIMAL + '\n    preferences:\n      - red_line: "assad_role > 60 and assad_role < 40"\n');
  assert.is(one.length, 1);
  assert.is(one[0].message, 'actors.gov.preferences.0.red_line: no deal on assad_role in [0, 100] can satisfy this red line');
  assert.is(at(one[0]), '14:19');
  const neg = warnings(MINIMAL + '\n    preferences:\n      - precondition: "assad_role < 0"\n');
  assert.is(neg[0].message, 'actors.gov.preferences.0.precondition: no deal on assad_role in [0, 100] can satisfy this precondition');
  const two = MINIMAL.replace('  assad_role: { low: stays, high: leaves }', '  assad_role: { low: stays, high: leaves }\n  agenda: { low: a, high: b }');
  const w2 = warnings(two + '\n    preferences:\n      - red_line: "assad_role + agenda > 210"\n');
  assert.is(w2[0].message, 'actors.gov.preferences.0.red_line: no deal on assad_role, agenda in [0, 100] can satisfy this red line');
  assert.equal(warnings(two + '\n    preferences:\n      - red_line: "assad_role + agenda >= 200"\n'), []);
  // a threshold given with `with` is judged at its mean: uniform [110, 130] -> 120
  const w3 = warnings(MINIMAL + '\n    preferences:\n      - red_line: "assad_role >= t"\n        with: { t: {uniform: [110, 130]} }\n');
  assert.is(w3.length, 1);
  assert.equal(warnings(MINIMAL + '\n    preferences:\n      - red_line: "assad_role >= t"\n        with: { t: {uniform: [90, 110]} }\n'), []);
});

test('a party or sponsor with no position at all is a warning at its id; a mediator needs none', () => {
  const w = warnings(MINIMAL + '\n  us:\n    name: US\n    role: sponsor\n    capability: 0.5\n');
  assert.is(w.length, 1);
  assert.is(w[0].message, 'actors.us has no position on any issue');
  assert.is(at(w[0]), '13:3');
  assert.is(w[0].severity, 'warning');
  assert.equal(warnings(MINIMAL + '\n  un:\n    name: UN\n    role: mediator\n    capability: 0.5\n'), []);
});

test("an unused 'with' name is a warning", () => {
  const w = warnings(MINIMAL + '\n    preferences:\n      - red_line: "assad_role <= 15"\n        with: { t: 3 }\n');
  assert.is(w[0].message, "'with' name 't' is not used in the expression");
});

// ------------------------------------------------------------------ output and robustness

test('formatDiagnostic prints file:line:column: severity: message, then an indented hint', () => {
  const e = oneError(MINIMAL + '\n    capabilty: 0.3\n', 'scenarios/x.yaml');
  assert.is(formatDiagnostic(e), "scenarios/x.yaml:13:5: error: unknown key 'capabilty' in actors.gov\n  hint: did you mean 'capability'?");
  assert.is(formatDiagnostic({ severity: 'warning', message: 'm' }), 'warning: m');
});

test('several problems are all reported, in file order', () => {
  const r = loadScenarioText(MINIMAL.replace('role: party', 'role: partty').replace('capability: 0.5', 'capability: 2') + '\n    sincerty: 0.4\n', 'x.yaml');
  assert.equal(r.diagnostics.map(at), ['9:11', '10:17', '13:5']);
});

test('no input makes the loader throw: random text, random data as YAML and as JSON', () => {
  fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => {
    const r = loadScenarioText(text, 'fuzz.yaml');
    return Array.isArray(r.diagnostics);
  }), { numRuns: 300 });
  fc.assert(fc.property(fc.jsonValue(), (value) => {
    loadScenarioText(JSON.stringify(value), 'fuzz.json');
    loadScenarioText(stringify(value), 'fuzz.yaml');
    return true;
  }), { numRuns: 300 });
  // mutations of a good file: drop or duplicate a line
  const lines = RICH.split('\n');
  for (let i = 0; i < lines.length; i++) {
    loadScenarioText([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'), 'drop.yaml');
    loadScenarioText([...lines.slice(0, i + 1), ...lines.slice(i)].join('\n'), 'dup.yaml');
  }
});

test('__proto__ and constructor keys are plain unknown keys, not prototype pollution', () => {
  const r = loadScenarioText(MINIMAL + '\n    __proto__: { polluted: 1 }\n', 'p.yaml');
  assert.is(({} as Record<string, unknown>).polluted, undefined);
  assert.is(r.diagnostics[0].message, "unknown key '__proto__' in actors.gov");
  const c = errors(MINIMAL.replace('  gov:', '  constructor:'));
  assert.is(c[0].message, "'constructor' is a reserved name and cannot be an actor id");
});


// ------------------------------------------------------------------ observed (backtests)

const ARMED = TWO_PARTIES.replace(/role: party\n/g, 'role: party\n    armed: true\n') +
  'measures:\n  cf: { kind: ceasefire, offered_by: gov, between: [gov, snc] }\n  swap: { kind: exchange, offered_by: gov, between: [gov, snc] }\n';
const OBSERVED = yaml`
  observed:
    as_of: 2014-02-15
    note: what happened
    questions:
      snc_in: { ask: attends, actor: snc, answer: yes, note: "voted to attend" }
      gov_out: { ask: withdraws, actor: gov, answer: false }
      deal: { ask: agreement, answer: no }
      talks: { ask: talks, answer: true }
      cf_ok: { ask: accepted, measure: cf, answer: no }
      cf_3: { ask: held, measure: cf, rounds: 3, answer: no }
      cf_end: { ask: held, measure: cf, answer: no }
      swap: { ask: carried_out, measure: swap, answer: no }
    positions: { assad_role: 40 }
`;

test('observed resolves to indexes, reads yes/no and true/false alike, and adds no parameter', () => {
  const plain = ok(ARMED);
  const s = ok(ARMED + OBSERVED);
  assert.equal(s.observed, {
    asOf: '2014-02-15',
    note: 'what happened',
    questions: [
      { id: 'snc_in', ask: 'attends', actor: 1, measure: -1, rounds: 0, byRound: -1, partial: false, framework: false, answer: true, note: 'voted to attend' },
      { id: 'gov_out', ask: 'withdraws', actor: 0, measure: -1, rounds: 0, byRound: -1, partial: false, framework: false, answer: false },
      { id: 'deal', ask: 'agreement', actor: -1, measure: -1, rounds: 0, byRound: -1, partial: false, framework: false, answer: false },
      { id: 'talks', ask: 'talks', actor: -1, measure: -1, rounds: 0, byRound: -1, partial: false, framework: false, answer: true },
      { id: 'cf_ok', ask: 'accepted', actor: -1, measure: 0, rounds: 0, byRound: -1, partial: false, framework: false, answer: false },
      { id: 'cf_3', ask: 'held', actor: -1, measure: 0, rounds: 3, byRound: -1, partial: false, framework: false, answer: false },
      { id: 'cf_end', ask: 'held', actor: -1, measure: 0, rounds: 0, byRound: -1, partial: false, framework: false, answer: false },
      { id: 'swap', ask: 'carried_out', actor: -1, measure: 1, rounds: 0, byRound: -1, partial: false, framework: false, answer: false },
    ],
    positions: [{ issue: 0, value: 40 }],
  });
  // everything a run reads is the same with or without it
  const { observed: _o, hash: _h, ...rest } = s;
  const { hash: _h2, ...restPlain } = plain;
  assert.equal(rest, restPlain);
});

test('observed questions must fit their ask: a party, a ceasefire, an exchange, or nothing; rounds within the talks', () => {
  const q = (line: string) => ARMED + `observed:\n  as_of: 2014-02-15\n  questions:\n    q: ${line}\n`;
  const line = ARMED.split('\n').length + 3;
  const unknownActor = oneError(q('{ ask: attends, actor: gvo, answer: yes }'));
  assert.is(unknownActor.message, "unknown actor 'gvo' in observed.questions.q.actor");
  assert.is(unknownActor.hint, "did you mean 'gov'?");
  assert.is(at(unknownActor), `${line}:31`);
  const noActor = oneError(q('{ ask: withdraws, answer: no }'));
  assert.is(noActor.message, "observed.questions.q: ask 'withdraws' needs an actor (the party asked about)");
  assert.is(noActor.hint, "add 'actor: gov'");
  assert.is(at(noActor), `${line}:5`);
  const kind = oneError(q('{ ask: carried_out, measure: cf, answer: no }'));
  assert.is(kind.message, "observed.questions.q: ask 'carried_out' is about an exchange or a concession, and 'cf' is a ceasefire");
  assert.is(kind.hint, "use 'swap', or ask 'accepted', 'held' or 'unbroken'");
  const unknown = oneError(q('{ ask: accepted, measure: fc, answer: no }'));
  assert.is(unknown.message, "unknown measure 'fc' in observed.questions.q");
  assert.is(unknown.hint, "did you mean 'cf'?");
  const extra = oneError(q('{ ask: stalemate, measure: cf, answer: no }'));
  assert.is(extra.message, "observed.questions.q: ask 'stalemate' takes no measure");
  const late = oneError(q('{ ask: held, measure: cf, rounds: 6, answer: no }'));
  assert.is(late.message, "observed.questions.q.rounds: 6 rounds cannot be kept: only 5 are played from the measure's first round (1) to the last (rounds 5)");
  const notHeld = oneError(q('{ ask: accepted, measure: cf, rounds: 2, answer: no }'));
  assert.is(notHeld.message, "observed.questions.q: rounds applies to ask 'held' and 'unbroken' only");
  const answer = oneError(q('{ ask: talks, answer: Yes }'));
  assert.is(answer.message, "observed.questions.q.answer must be true or false or one of yes, no; got a string ('Yes')");
  const key = oneError(q('{ ask: talks, answer: no, sorce: AP }'));
  assert.is(key.message, "unknown key 'sorce' in observed.questions.q");
  const date = oneError(ARMED.replace('rounds: 5', 'rounds: 5\nas_of: 2014-01-17') + 'observed:\n  as_of: 2014-01-17\n  questions:\n    q: { ask: talks, answer: yes }\n');
  assert.is(date.message, "observed.as_of (2014-01-17) must be after the scenario's as_of (2014-01-17)");
  const issue = oneError(ARMED + 'observed:\n  as_of: 2014-02-15\n  questions:\n    q: { ask: talks, answer: yes }\n  positions: { asad_role: 10 }\n');
  assert.is(issue.message, "unknown issue 'asad_role' in observed.positions");
  assert.is(issue.hint, "did you mean 'assad_role'?");
});

test.run();
