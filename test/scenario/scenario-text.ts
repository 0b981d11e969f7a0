/**
 * Helpers for tests that load scenario text: a YAML template literal without its indentation, and
 * loaders that assert the shape of the result (a scenario, exactly one error, the warnings).
 */
import * as assert from 'uvu/assert';
import { formatDiagnostic, loadScenarioText } from '../../src/scenario/load.js';
import type { Diagnostic, Scenario } from '../../src/scenario/types.js';

/** Template literal -> YAML text without the common indentation (so line numbers read off the test). */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const lines = raw.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n').replace(/[ ]+$/, '');
}

export function errors(text: string, file = 'bad.yaml'): Diagnostic[] {
  return loadScenarioText(text, file).diagnostics.filter((d) => d.severity === 'error');
}

/** The one error the text has (fails, listing them, if there is not exactly one). */
export function oneError(text: string, file = 'bad.yaml'): Diagnostic {
  const r = loadScenarioText(text, file);
  const errs = r.diagnostics.filter((d) => d.severity === 'error');
  assert.is(errs.length, 1, `expected one error, got:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  assert.is(r.scenario, undefined, 'no scenario when there is an error');
  return errs[0];
}

export function warnings(text: string, file = 'ok.yaml'): Diagnostic[] {
  const r = loadScenarioText(text, file);
  assert.ok(r.scenario, `expected a scenario, got:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  return r.diagnostics.filter((d) => d.severity === 'warning');
}

export function ok(text: string, file = 'ok.yaml'): Scenario {
  const r = loadScenarioText(text, file);
  assert.ok(r.scenario, `expected a scenario, got:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  return r.scenario!;
}

export function at(d: Diagnostic): string {
  return d.loc ? `${d.loc.line}:${d.loc.column}` : 'nowhere';
}

/**
 * Three armed parties (gov, reb, milita), a sponsor (us) and a ratifier (parl), two issues: the base of
 * the format tests. Keys added to the top level go after `rounds`.
 */
export const THREE_SIDES = yaml`
  id: three
  title: Three sides
  as_of: 2010-01-10
  rounds: 6
  issues:
    power: { low: none, high: all }
    land: { low: none, high: all }
  actors:
    gov: { name: Government, role: party, armed: true, capability: 0.6, position: { power: 20, land: 30 } }
    reb: { name: Rebels, role: party, armed: true, capability: 0.4, position: { power: 80, land: 70 } }
    mil: { name: Militia, role: party, armed: true, essential: false, capability: 0.2, position: { land: 90 } }
    us: { name: United States, role: sponsor, capability: 0.9, position: { power: 50 } }
    parl: { name: Parliament, role: ratifier, capability: 0.5, position: { power: 30, land: 40 } }
`;
