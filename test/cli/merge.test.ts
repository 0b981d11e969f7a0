import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { negsim, noStack, tempDir } from './helpers.js';

const dir = tempDir();
const p = (name: string) => join(dir, name);
const shard = (k: number, n: number, extra: string[] = []) =>
  negsim(['run', '--runs', '7000', '--workers', '1', '--shard', `${k}/${n}`, '--out', p(`part-${k}-of-${n}.json`), ...extra]);

test('run --shard writes a part and says which runs it played; stdout stays empty', () => {
  for (const k of [1, 2, 3]) {
    const r = shard(k, 3);
    assert.is(r.code, 0, r.err);
    assert.is(r.out, '');
  }
  assert.match(shard(2, 3).err, 'shard 2/3: runs 2000..3999 of 7000 (seed 1) written to');
});

test('merge of 3 parts prints exactly what run prints (table and --json), and the CSV is the same', () => {
  const parts = [3, 1, 2].map((k) => p(`part-${k}-of-3.json`));
  const mj = negsim(['merge', ...parts, '--json', '--csv', p('m.csv')]);
  const rj = negsim(['run', '--runs', '7000', '--json', '--quiet', '--csv', p('r.csv')]);
  assert.is(mj.code, 0, mj.err);
  assert.is(mj.out, rj.out);
  assert.is(readFileSync(p('m.csv'), 'utf8'), readFileSync(p('r.csv'), 'utf8'));
  assert.is(negsim(['merge', ...parts]).out, negsim(['run', '--runs', '7000', '--quiet']).out);
});

test('overrides travel in the parts and come out in the merged JSON', () => {
  const set = ['--set', 'model.lambda=10'];
  const r = negsim(['run', '--runs', '2000', '--workers', '1', '--shard', '1/1', '--out', p('ov.json'), ...set]);
  assert.is(r.code, 0, r.err);
  const m = negsim(['merge', p('ov.json'), '--json']);
  assert.equal(JSON.parse(m.out).scenario.overrides, { 'model.lambda': 10 });
  assert.is(m.out, negsim(['run', '--runs', '2000', '--json', '--quiet', ...set]).out);
});

test('merge refuses a missing shard, naming it, with exit 1 and no stack trace', () => {
  const r = negsim(['merge', p('part-1-of-3.json'), p('part-3-of-3.json'), '--csv', p('never.csv')]);
  assert.is(r.code, 1);
  assert.match(r.err, 'runs 2000..3999 are in no part; shard 2/3 is missing');
  assert.ok(noStack(r.err));
  assert.not.ok(existsSync(p('never.csv')));
});

test('merge refuses parts of different seeds and overlapping slices', () => {
  assert.is(negsim(['run', '--runs', '7000', '--workers', '1', '--seed', '2', '--shard', '2/3', '--out', p('seed2.json')]).code, 0);
  const a = negsim(['merge', p('part-1-of-3.json'), p('seed2.json'), p('part-3-of-3.json')]);
  assert.is(a.code, 1);
  assert.match(a.err, 'differ in seed: 2 vs 1');
  assert.is(shard(1, 2).code, 0);
  const b = negsim(['merge', p('part-1-of-3.json'), p('part-2-of-3.json'), p('part-3-of-3.json'), p('part-1-of-2.json')]);
  assert.is(b.code, 1);
  assert.match(b.err, 'overlaps');
});

test('merge refuses a file that is not a part; run --shard needs --out and a k/N', () => {
  writeFileSync(p('x.json'), '{"hello": 1}');
  const r = negsim(['merge', p('x.json')]);
  assert.is(r.code, 1);
  assert.match(r.err, 'not a negsim part file');
  assert.match(negsim(['run', '--shard', '2/3']).err, '--shard 2/3 needs --out FILE');
  assert.match(negsim(['run', '--shard', '4/3', '--out', p('y.json')]).err, '--shard must be k/N with 1 <= k <= N');
  assert.match(negsim(['run', '--shard', '1/3', '--out', p('y.json'), '--json']).err, '--json does not go with --shard');
});

test('merge with no parts asks for parts (not scenario files); a folder given as a part is said to be one', () => {
  const none = negsim(['merge']);
  assert.is(none.code, 1);
  assert.match(none.err, /^negsim: name the part files to merge, e\.g\. negsim merge part-\*\.json/);
  assert.not.match(none.err, 'scenario');
  const folder = negsim(['merge', dir]);
  assert.is(folder.code, 1);
  assert.match(folder.err, `${dir}: a folder, not a part file; name the part files in it, e.g. negsim merge parts/part-*.json`);
  assert.ok(noStack(none.err + folder.err));
});

test('a forged part is refused before anything is merged, naming the file and the field; its text never reaches the terminal', () => {
  const good = JSON.parse(readFileSync(p('part-1-of-3.json'), 'utf8'));
  const forge = (name: string, edit: (j: any) => void) => {
    const j = structuredClone(good);
    edit(j);
    writeFileSync(p(name), JSON.stringify(j));
    return p(name);
  };
  const cases: [string, (j: any) => void, string][] = [
    ['negative.json', (j) => { j.tally.outcomes[2] = -5; }, 'negative.json: tally.outcomes[2] is -5, not a count (a whole number >= 0)'],
    ['huge.json', (j) => { j.tally.outcomes[0] = 1e300; }, 'huge.json: tally.outcomes[0] is 1e+300, not a count'],
    ['unsummed.json', (j) => { j.tally.outcomes[0] += 256; j.tally.outcomes[2] -= 100; }, 'unsummed.json: tally.outcomes sum to 2156, not to the 2000 runs'],
    ['title.json', (j) => { j.scenario.title = 'pwned\u001b]0;owned\u0007\u001b[2J'; }, 'title.json: scenario.title: the text holds the control character U+001B'],
  ];
  for (const [name, edit, message] of cases) {
    const r = negsim(['merge', forge(name, edit), p('part-2-of-3.json'), p('part-3-of-3.json')]);
    assert.is(r.code, 1, `${name}: ${r.err}`);
    assert.match(r.err, message);
    assert.match(r.err, 'nothing was merged.');
    assert.not.match(r.err, /\u001b/, 'no escape character printed');
    assert.ok(noStack(r.err) && !/internal error/.test(r.err), r.err);
    assert.is(r.out, '');
  }
});

test('run --set with an unknown path exits 1 with the nearest path as a hint', () => {
  const r = negsim(['run', '--runs', '1000', '--set', 'model.lamda=10']);
  assert.is(r.code, 1);
  assert.match(r.err, "no number of geneva-2014 has the path 'model.lamda'");
  assert.match(r.err, "did you mean 'model.lambda'?");
  assert.ok(noStack(r.err));
});

test.run();
