import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PARAMS_FORMAT, paramsJson, readParams, recordId, type ParamsFile } from '../../src/fit/params-file.js';
import type { Scenario } from '../../src/scenario/types.js';

const fake = (id: string, hash: string, questions: number) =>
  ({ id, file: `/x/record/${id}.yaml`, hash, observed: { asOf: '2000-01-01', questions: new Array(questions).fill({}), positions: [] } }) as unknown as Scenario;

test('the record\'s id: each case with its file, sha256 and questions, and the sha256 of the sorted sha256sum lines', () => {
  const r = recordId([fake('b', 'bb11', 3), fake('a', 'ff00', 2)]);
  assert.equal(r.cases, [{ id: 'b', file: 'b.yaml', sha256: 'bb11', questions: 3 }, { id: 'a', file: 'a.yaml', sha256: 'ff00', questions: 2 }]);
  assert.is(r.questions, 5);
  assert.is(r.sha256, createHash('sha256').update('bb11  b.yaml\nff00  a.yaml\n').digest('hex'));
  assert.is(recordId([fake('a', 'ff00', 2), fake('b', 'bb11', 3)]).sha256, r.sha256, 'the order given does not matter');
});

const file: ParamsFile = {
  format: PARAMS_FORMAT, negsim: '0.1.0', rng: 'seedrandom.xor4096', seed: 1, runs: 300,
  record: { sha256: 'abc', questions: 5, cases: [] },
  objective: { what: 'x', start: 0.9, fitted: 0.6 },
  search: { method: 'Nelder-Mead', evaluations: 10, maxEvaluations: 40, converged: true },
  intervals: { method: 'bootstrap', level: 0.95, replicates: 2000, h: 0.3 },
  parameters: { lambda: { value: 14.5, lo: 9, hi: 20, identified: true, start: 8, bounds: [0.5, 200], scale: 'log' } },
};

test('what paramsJson writes, readParams reads back: the values by key', () => {
  assert.equal(readParams(paramsJson(file), 'p.json'), { values: { lambda: 14.5 } });
  assert.match(paramsJson(file), /^\{\n {2}"format": "negsim-params\/1",\n/);
});

test('what a hand-edited file can get wrong, each said with the file and what to do', () => {
  const problem = (text: string) => (readParams(text, 'p.json') as { problem: string }).problem;
  assert.match(problem('{'), /^p\.json is not JSON/);
  assert.match(problem('[1]'), /expected a JSON object/);
  assert.match(problem('{"parameters": {}}'), /format is null, expected "negsim-params\/1"/);
  assert.match(problem('{"format": "negsim-params/1"}'), /no "parameters" object/);
  assert.match(problem('{"format": "negsim-params/1", "parameters": {"lamda": {"value": 3}}}'), /parameters\.lamda is not a model parameter; did you mean lambda\?/);
  assert.match(problem('{"format": "negsim-params/1", "parameters": {"lambda": {"value": "3"}}}'), /parameters\.lambda\.value must be a number in \[0, 1000\], got "3"/);
  assert.match(problem('{"format": "negsim-params/1", "parameters": {"miss": {"value": 1.5}}}'), /in \[0, 1\], got 1\.5/);
  // a shared key (not in the fit table today) is a model key all the same
  assert.equal(readParams('{"format": "negsim-params/1", "parameters": {"boycott_cost": {"value": 0.2}}}', 'p.json'), { values: { boycott_cost: 0.2 } });
});

test.run();
