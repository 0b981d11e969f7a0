import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { OutputFileError } from '../../src/report/atomic-file.js';
import { OutputSet } from '../../src/report/output-set.js';
import { tinyDisk } from '../cli/helpers.js';

const temps = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.tmp'));

test('commit writes every file, and no temporary file is left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'negsim-set-'));
  writeFileSync(join(dir, 'a.csv'), 'old a\n');
  const set = new OutputSet();
  await set.add(join(dir, 'a.csv'), 'new a\n');
  const runs = await set.open(join(dir, 'runs.csv'));
  await runs.write('run\r\n');
  await runs.write('0\r\n');
  assert.is(readFileSync(join(dir, 'a.csv'), 'utf8'), 'old a\n', 'nothing is visible before commit');
  await set.commit();
  assert.is(readFileSync(join(dir, 'a.csv'), 'utf8'), 'new a\n');
  assert.is(readFileSync(join(dir, 'runs.csv'), 'utf8'), 'run\r\n0\r\n');
  assert.equal(temps(dir), []);
  await set.abort(); // after commit: nothing happens
  assert.equal(readdirSync(dir).sort(), ['a.csv', 'runs.csv']);
});

test('a rename that fails puts back the files already replaced: previous content restored, new ones removed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'negsim-set-'));
  const gone = join(dir, 'gone');
  mkdirSync(gone);
  writeFileSync(join(dir, 'a.csv'), 'old a\n');
  const set = new OutputSet();
  await set.add(join(dir, 'a.csv'), 'new a\n');
  await set.add(join(dir, 'b.csv'), 'new b\n');
  await set.add(join(gone, 'c.csv'), 'new c\n');
  rmSync(gone, { recursive: true }); // the folder of the third output disappears before the renames
  try {
    await set.commit();
    assert.unreachable('the commit must fail');
  } catch (e) {
    assert.instance(e, OutputFileError);
    assert.match((e as Error).message, `cannot write ${join(gone, 'c.csv')}: no such file or folder`);
  }
  assert.is(readFileSync(join(dir, 'a.csv'), 'utf8'), 'old a\n', 'the replaced file has its previous content');
  assert.equal(readdirSync(dir), ['a.csv'], 'b.csv, new, is removed; no temporary or kept copy is left');
});

test('a full disk while writing the second of three outputs: none written, the previous files unchanged, no temporary file', async () => {
  const disk = tinyDisk(64);
  if (disk === null) {
    console.log('  (skipped: mounting a small tmpfs needs root on Linux; the CLI test of a full disk is skipped too)');
    return;
  }
  try {
    writeFileSync(join(disk.dir, 'a.csv'), 'old a\n');
    const set = new OutputSet();
    try {
      // The disk fills while the second output is written (its first 64 KiB go out at once) or when
      // the first is flushed at commit; either way the set fails as a whole.
      await set.add(join(disk.dir, 'a.csv'), 'x'.repeat(20_000));
      await set.add(join(disk.dir, 'big.html'), 'y'.repeat(200_000)); // more than the disk holds
      await set.add(join(disk.dir, 'c.csv'), 'z');
      await set.commit();
      assert.unreachable('the set must fail');
    } catch (e) {
      assert.instance(e, OutputFileError);
      assert.is((e as OutputFileError).code, 'ENOSPC');
      assert.match((e as Error).message, ': no space left on the device');
    } finally {
      await set.abort();
    }
    assert.is(readFileSync(join(disk.dir, 'a.csv'), 'utf8'), 'old a\n');
    assert.equal(readdirSync(disk.dir), ['a.csv']);
  } finally {
    disk.close();
  }
});

test.run();
