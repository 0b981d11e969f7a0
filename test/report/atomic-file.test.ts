import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  abortAllOpen,
  abortAllOpenSync,
  checkWritable,
  openAtomic,
  OutputFileError,
  writeFileAtomic,
} from '../../src/report/atomic-file.js';

let dir = '';
test.before.each(async () => {
  dir = await mkdtemp(join(tmpdir(), 'negsim-atomic-'));
});
test.after.each(async () => {
  await rm(dir, { recursive: true, force: true });
});

const temps = async (folder: string) => (await readdir(folder)).filter((n) => n.endsWith('.tmp'));

test('the target appears only after commit, whole, and the temporary file is gone', async () => {
  const target = join(dir, 'runs.csv');
  const out = await openAtomic(target);
  await out.write('run,outcome\r\n');
  await out.write(new TextEncoder().encode('0,agreement\r\n'));
  assert.not.ok(existsSync(target));
  // Named .<basename>.<pid>.<random>.tmp in the same folder.
  assert.match(out.tempPath, new RegExp(`/\\.runs\\.csv\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`));
  assert.equal(await temps(dir), [out.tempPath.slice(dir.length + 1)]);
  await out.commit();
  assert.is(await readFile(target, 'utf8'), 'run,outcome\r\n0,agreement\r\n');
  assert.equal(await temps(dir), []);
  await out.abort(); // after commit: nothing happens
  assert.ok(existsSync(target));
});

test('abort leaves the previous file intact and no temporary file', async () => {
  const target = join(dir, 'summary.csv');
  await writeFile(target, 'old contents\n');
  const out = await openAtomic(target);
  await out.write('new contents that must never be seen\n');
  await out.abort();
  assert.is(await readFile(target, 'utf8'), 'old contents\n');
  assert.equal(await temps(dir), []);
  await out.abort(); // twice is fine
  assert.is(await readFile(target, 'utf8'), 'old contents\n');
  try {
    await out.write('more');
    assert.unreachable('write after abort must fail');
  } catch (err) {
    assert.match((err as Error).message, /write after aborted/);
  }
});

test('an existing file is replaced whole: a shorter new file leaves no tail of the old one', async () => {
  const target = join(dir, 'out.csv');
  await writeFile(target, 'x'.repeat(10_000));
  await writeFileAtomic(target, 'short\r\n');
  assert.is(await readFile(target, 'utf8'), 'short\r\n');
  assert.equal(await temps(dir), []);
});

test('streams more than one buffer block in order, UTF-8 included', async () => {
  const target = join(dir, 'big.csv');
  const out = await openAtomic(target);
  let expected = '';
  for (let i = 0; i < 20_000; i++) {
    const row = `${i},Genève ${i % 7}\r\n`;
    expected += row;
    await out.write(row);
  }
  assert.not.ok(existsSync(target));
  await out.commit();
  assert.is(await readFile(target, 'utf8'), expected);
});

test('writing into a missing folder fails with a one-line message naming the folder, and leaves nothing', async () => {
  const target = join(dir, 'no-such-folder', 'x.csv');
  const reason = `folder ${join(dir, 'no-such-folder')} does not exist`;
  assert.is(await checkWritable(target), reason);
  try {
    await writeFileAtomic(target, 'a');
    assert.unreachable('must fail');
  } catch (err) {
    assert.instance(err, OutputFileError);
    assert.is((err as Error).message, `cannot write ${target}: ${reason}`);
  }
  assert.equal(await readdir(dir), []);
});

test('checkWritable says null for a new or existing file in a writable folder', async () => {
  assert.is(await checkWritable(join(dir, 'new.csv')), null);
  await writeFile(join(dir, 'old.csv'), 'x');
  assert.is(await checkWritable(join(dir, 'old.csv')), null);
});

test('checkWritable names a folder given as the file, a file given as the folder, and devices', async () => {
  assert.is(await checkWritable(dir), 'it is a folder; give a file name');
  const file = join(dir, 'plain');
  await writeFile(file, 'x');
  assert.is(await checkWritable(join(file, 'x.csv')), `${file} is not a folder`);
  assert.is(
    await checkWritable(join(file, 'sub', 'x.csv')),
    `${join(file, 'sub')} is not a folder (part of that path is a file)`,
  );
  assert.is(await checkWritable('/dev/null'), 'it is not a regular file (a device or a pipe); give a file name');
  assert.is(await checkWritable(''), 'no file name given');
  try {
    await openAtomic('/dev/null');
    assert.unreachable('must refuse to rename over a device');
  } catch (err) {
    assert.instance(err, OutputFileError);
    assert.is(
      (err as Error).message,
      'cannot write /dev/null: it is not a regular file (a device or a pipe); give a file name',
    );
  }
});

// root passes every permission check, so this can only be shown as another user.
const asRoot = process.getuid?.() === 0;
(asRoot ? test.skip : test)('checkWritable reports a folder without write permission', async () => {
  const locked = join(dir, 'locked');
  await mkdir(locked);
  await chmod(locked, 0o555);
  try {
    assert.is(await checkWritable(join(locked, 'x.csv')), `permission denied in folder ${locked}`);
  } finally {
    await chmod(locked, 0o755);
  }
});

test('a symbolic link keeps pointing at the replaced file, whose permission bits are kept', async () => {
  const real = join(dir, 'real.csv');
  const link = join(dir, 'link.csv');
  await writeFile(real, 'old');
  await chmod(real, 0o640);
  await symlink(real, link);
  await writeFileAtomic(link, 'new');
  assert.is(await readFile(real, 'utf8'), 'new');
  assert.ok((await stat(link)).isFile());
  assert.is((await stat(real)).mode & 0o777, 0o640);
});

test('abortAllOpen removes every open temporary file and creates no target', async () => {
  const a = await openAtomic(join(dir, 'a.csv'));
  const b = await openAtomic(join(dir, 'b.csv'));
  await a.write('a');
  await b.write('b');
  assert.is((await temps(dir)).length, 2);
  await abortAllOpen();
  assert.equal(await readdir(dir), []);
  const c = await openAtomic(join(dir, 'c.csv'));
  abortAllOpenSync();
  assert.equal(await readdir(dir), []);
  try {
    await c.commit();
    assert.unreachable('commit after abort must fail');
  } catch (err) {
    assert.match((err as Error).message, /commit after aborted/);
  }
});

test.run();
