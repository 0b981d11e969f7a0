/**
 * Nothing lost (issue 12, part 2): no output over an input of the same command, compared as files (`./x`
 * and `x`, symbolic and hard links), refused before anything runs; a set of outputs all written or none.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileIdentity, refuseOverwritingInputs, scenarioInputs } from '../../src/cli/outputs.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';
import { negsim, noStack, tempDir, tinyDisk, writeTemp } from './helpers.js';

/** A folder holding a copy of the Geneva II scenario and its source text, and a hard and a symbolic link to the scenario. */
function workspace(): string {
  const dir = tempDir();
  for (const f of ['geneva-2014.yaml', 'geneva-ii-ap-article.txt']) copyFileSync(join('scenarios', f), join(dir, f));
  linkSync(join(dir, 'geneva-2014.yaml'), join(dir, 'hard.yaml'));
  symlinkSync(join(dir, 'geneva-2014.yaml'), join(dir, 'soft.yaml'));
  return dir;
}

const SCENARIO = readFileSync(join('scenarios', 'geneva-2014.yaml'), 'utf8');
const ARTICLE = readFileSync(join('scenarios', 'geneva-ii-ap-article.txt'), 'utf8');

test('fileIdentity: ./x and x, a hard link and a symbolic link are one file; a name not yet written is its folder and name', () => {
  const dir = workspace();
  const id = fileIdentity(join(dir, 'geneva-2014.yaml'));
  for (const other of ['./geneva-2014.yaml', 'hard.yaml', 'soft.yaml', 'sub/../geneva-2014.yaml']) {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    assert.is(fileIdentity(join(dir, other)), id, other);
  }
  assert.is.not(fileIdentity(join(dir, 'geneva-ii-ap-article.txt')), id);
  assert.is(fileIdentity(join(dir, 'new.csv')), fileIdentity(join(dir, 'sub', '..', 'new.csv')));
});

test('refuseOverwritingInputs names the output and the input it would destroy, or the two outputs that are one file', () => {
  const dir = workspace();
  const s = loadScenario(join(dir, 'geneva-2014.yaml')).scenario as Scenario;
  assert.equal(scenarioInputs(s).map((f) => f.role), ['the scenario', 'the source text of geneva-2014.yaml']);
  assert.throws(() => refuseOverwritingInputs([{ role: '--csv', path: join(dir, 'soft.yaml') }], scenarioInputs(s)),
    /^--csv .*soft\.yaml is the scenario \(.*geneva-2014\.yaml\): negsim never writes over a file it reads\. Name another file for --csv\.$/);
  assert.throws(() => refuseOverwritingInputs([{ role: '--csv', path: join(dir, 'a.csv') }, { role: '--rounds-csv', path: join(dir, '.', 'a.csv') }], []),
    /--csv .*a\.csv and --rounds-csv .*a\.csv are the same file; give each output its own file\./);
  refuseOverwritingInputs([{ role: '--csv', path: join(dir, 'a.csv') }, { role: '--out', path: join(dir, 'b.html') }], scenarioInputs(s));
});

test('every command refuses, before it runs, an output over its scenario or its source text; the files stay as they were', () => {
  const dir = workspace();
  const cases: [string[], string][] = [
    [['run', 'geneva-2014.yaml', '--csv', './geneva-2014.yaml'], '--csv ./geneva-2014.yaml is the scenario (geneva-2014.yaml)'],
    [['run', 'geneva-2014.yaml', '--runs-csv', 'geneva-ii-ap-article.txt'], '--runs-csv geneva-ii-ap-article.txt is the source text of geneva-2014.yaml'],
    [['run', 'soft.yaml', '--rounds-csv', 'hard.yaml'], '--rounds-csv hard.yaml is the scenario (soft.yaml)'],
    [['run', 'geneva-2014.yaml', '--shard', '1/2', '--out', 'hard.yaml'], '--out hard.yaml is the scenario'],
    [['report', 'geneva-2014.yaml', '--out', 'soft.yaml'], '--out soft.yaml is the scenario'],
    [['report', 'geneva-2014.yaml', '--csv', 'geneva-ii-ap-article.txt'], '--csv geneva-ii-ap-article.txt is the source text'],
    [['compare', 'geneva-2014.yaml', '--seeds', '1,2', '--report', 'hard.yaml'], '--report hard.yaml is the scenario'],
    [['compare', 'geneva-2014.yaml', 'soft.yaml', '--csv', 'geneva-ii-ap-article.txt'], '--csv geneva-ii-ap-article.txt is the source text'],
    [['sweep', 'geneva-2014.yaml', '--vary', 'model.lambda=5:10:5', '--csv', './geneva-2014.yaml'], '--csv ./geneva-2014.yaml is the scenario'],
    [['explain', 'geneva-2014.yaml', '--report', 'soft.yaml'], '--report soft.yaml is the scenario'],
    [['explain', 'geneva-2014.yaml', '--csv', 'geneva-ii-ap-article.txt', '--report', 'e.html'], '--csv geneva-ii-ap-article.txt is the source text'],
    [['backtest', 'geneva-2014.yaml', '--csv', 'geneva-ii-ap-article.txt'], '--csv geneva-ii-ap-article.txt is the source text'],
    [['run', 'geneva-2014.yaml', '--csv', 'x.csv', '--runs-csv', './x.csv'], '--csv x.csv and --runs-csv ./x.csv are the same file'],
    [['report', 'geneva-2014.yaml', '--out', 'r.html', '--rounds-csv', 'r.html'], '--rounds-csv r.html and --out r.html are the same file'],
  ];
  for (const [args, message] of cases) {
    // --max-minutes is checked just before the first run: a refusal that names the files, not the time, came first
    const r = negsim([...args, '--runs', '100000', '--workers', '1', '--max-minutes', '0.0001'], { cwd: dir });
    assert.is(r.code, 1, `${args.join(' ')}\n${r.err}`);
    assert.ok(r.err.includes(message), `${args.join(' ')}: expected "${message}" in\n${r.err}`);
    assert.ok(noStack(r.err), r.err);
  }
  assert.is(readFileSync(join(dir, 'geneva-2014.yaml'), 'utf8'), SCENARIO);
  assert.is(readFileSync(join(dir, 'geneva-ii-ap-article.txt'), 'utf8'), ARTICLE);
  assert.equal(readdirSync(dir).sort(), ['geneva-2014.yaml', 'geneva-ii-ap-article.txt', 'hard.yaml', 'soft.yaml']);
});

test('merge refuses an output over one of its parts, and a part named twice as the same file', () => {
  const dir = tempDir();
  const part = join(dir, 'part-1.json');
  assert.is(negsim(['run', '--runs', '1000', '--workers', '1', '--shard', '1/1', '--out', part]).code, 0);
  const before = readFileSync(part, 'utf8');
  const r = negsim(['merge', 'part-1.json', '--csv', './part-1.json'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.err, 'negsim: --csv ./part-1.json is the part part-1.json (part-1.json): negsim never writes over a file it reads.');
  const twice = negsim(['merge', 'part-1.json', './part-1.json'], { cwd: dir });
  assert.is(twice.code, 1);
  assert.match(twice.err, './part-1.json is named twice (as the same file); name each part once');
  assert.is(readFileSync(part, 'utf8'), before);
});

test('a full disk: exit 1 and a message, no output written (the first one either), the previous file unchanged, no temporary file', () => {
  const disk = tinyDisk(48);
  if (disk === null) {
    console.log('  (skipped: mounting a small tmpfs needs root on Linux)');
    return;
  }
  try {
    writeFileSync(join(disk.dir, 'fill'), Buffer.alloc(40 * 1024));
    const old = writeTemp(disk.dir, 'summary.csv', 'previous\n');
    const run = negsim(['run', '--runs', '300', '--workers', '1', '--quiet', '--csv', old, '--rounds-csv', join(disk.dir, 'rounds.csv')]);
    assert.is(run.code, 1, run.err);
    assert.match(run.err, /^negsim: cannot write .*: no space left on the device; no output file was written \(any previous one is unchanged\)\. Free some space, or write the outputs to another disk, and run it again\.\n$/);
    assert.is(run.out, '', 'nothing printed as if it had worked');
    const report = negsim(['report', '--runs', '300', '--workers', '1', '--quiet', '--out', join(disk.dir, 'r.html'), '--csv', old]);
    assert.is(report.code, 1, report.err);
    assert.match(report.err, 'no space left on the device; no output file was written');
    assert.ok(noStack(run.err + report.err));
    assert.is(readFileSync(old, 'utf8'), 'previous\n');
    assert.equal(readdirSync(disk.dir).sort(), ['fill', 'summary.csv']);
    // a runs CSV that will not fit is refused before the first run, its size and the free space said
    const rows = negsim(['run', '--runs', '300', '--workers', '1', '--runs-csv', join(disk.dir, 'runs.csv')]);
    assert.is(rows.code, 1);
    assert.match(rows.err, /--runs-csv .*runs\.csv would take about \d+ kB \(300 rows\), and its folder has \d kB free\./);
  } finally {
    disk.close();
  }
});

test('an output folder that cannot be written or read: exit 1 before any run, with the folder named', () => {
  if (process.getuid?.() === 0) {
    // root passes permission checks; a folder made read-only by a read-only mount is what remains
    const dir = tempDir();
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=16k', 'tmpfs', ro]).status !== 0) {
      console.log('  (skipped: cannot mount a read-only folder here)');
      return;
    }
    try {
      const r = negsim(['run', '--runs', '100000', '--csv', join(ro, 's.csv')]);
      assert.is(r.code, 1, r.err);
      assert.match(r.err, `cannot write --csv ${join(ro, 's.csv')}: the file system is read-only`);
    } finally {
      spawnSync('umount', ['-l', ro]);
    }
    return;
  }
  const dir = tempDir();
  const locked = join(dir, 'locked');
  mkdirSync(locked, { mode: 0o500 });
  const r = negsim(['run', '--runs', '100000', '--csv', join(locked, 's.csv')]);
  assert.is(r.code, 1, r.err);
  assert.match(r.err, `cannot write --csv ${join(locked, 's.csv')}: permission denied in folder ${locked}`);
});

test.run();
