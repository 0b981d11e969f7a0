import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { negsim, noStack, tempDir, writeTemp } from './helpers.js';

test('negsim forecast on the shipped CSV prints the compromise 7.38996, the median 7 and the EU model rounds until its median repeats', () => {
  const r = negsim(['forecast', 'scenarios/eu-car-emissions.csv']);
  assert.is(r.code, 0, r.err);
  assert.match(r.out, /compromise \(weighted mean\)\s+7\.38996\n/);
  assert.match(r.out, /median \(weighted median\)\s+7\n/);
  assert.match(r.out, /\n\s+3\s+9\.96198\s+7\.59014\n\s+4\s+9\.96198\s+7\.35813\n$/);
  assert.match(r.err, /negsim model is left out/);
});

test('--until rounds plays --rounds rounds (round 8: 9.67113, Scholz et al. 9.6); --reading printed keeps the median at 7', () => {
  const r = negsim(['forecast', 'scenarios/eu-car-emissions.csv', '-m', 'eum', '--until', 'rounds', '--rounds', '8', '--json']);
  assert.is(r.code, 0, r.err);
  const eum = JSON.parse(r.out).issues[0].eum as { round: number; median: number }[];
  assert.is(eum.length, 9);
  assert.is(Number(eum[8].median.toFixed(5)), 9.67113);
  const p = negsim(['forecast', 'scenarios/eu-car-emissions.csv', '-m', 'eum', '--reading', 'printed', '--until', 'rounds', '--json']);
  assert.ok((JSON.parse(p.out).issues[0].eum as { median: number }[]).every((x) => x.median === 7));
  assert.match(negsim(['forecast', 'scenarios/eu-car-emissions.csv', '--reading', 'bdm']).err, /Choices: "published", "printed"/);
});

test('--json and --model; negsim on a scenario gives the deal when agreed', () => {
  const r = negsim(['forecast', 'scenarios/eu-car-emissions.csv', '--model', 'median', '--json']);
  assert.is(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.issues[0].median, 7);
  assert.is(j.issues[0].compromise, undefined);
  const s = negsim(['forecast', 'scenarios/geneva-2014.yaml', '--model', 'negsim', '--runs', '300', '--workers', '1', '--json']);
  assert.is(s.code, 0, s.err);
  const g = JSON.parse(s.out);
  assert.ok(g.issues.length >= 2);
  for (const iss of g.issues) assert.ok(iss.negsim === null || (iss.negsim.runs === 300 && iss.negsim.q05 <= iss.negsim.q95), JSON.stringify(iss));
});

test('bad input: exit 1, file:line:column, no stack trace; negsim needs a scenario', () => {
  const dir = tempDir();
  const bad = writeTemp(dir, 'bad.csv', 'actor,capability,position,salience\nA,1,5,2\n');
  const r = negsim(['forecast', bad]);
  assert.is(r.code, 1);
  assert.ok(r.err.includes(`${bad}:2:7: error: salience must be a number from 0 to 1`), r.err);
  assert.ok(noStack(r.err));
  const n = negsim(['forecast', 'scenarios/eu-car-emissions.csv', '--model', 'negsim']);
  assert.is(n.code, 1);
  assert.match(n.err, /needs a scenario file/);
  assert.match(negsim(['forecast']).err, /name a scenario or CSV file/);
  const m = negsim(['forecast', 'scenarios/eu-car-emissions.csv', '--model', 'oracle']);
  assert.is(m.code, 1);
  assert.match(m.err, /Choices/);
});

test.run();
