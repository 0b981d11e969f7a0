/**
 * Nothing lost (issue 6): an interrupted or crashed run leaves every previous output as it was and no
 * partial file at any output path. Each test runs the built CLI as a child process and interrupts it:
 * SIGINT, SIGTERM, SIGHUP (a closed terminal) and SIGQUIT (Ctrl-\) (handled alike: temporary files removed,
 * the runs finished reported, exit 128 + the signal's number), SIGKILL of the whole
 * process in the middle of writing a runs CSV (not handled: the target is untouched, the temporary file
 * is left, and the next write of that target removes it), and a worker thread that dies (the run fails
 * with a message and exit 2). The worker is made to die from outside the code under test: `node --import`
 * preloads a module into the main thread and, since worker threads inherit execArgv, into every worker.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { negsim, noStack, tempDir, writeTemp } from './helpers.js';

const BIN = join(process.cwd(), 'bin', 'negsim.js');
const PREVIOUS = 'run,outcome\r\n0,previous\r\n';

function start(args: string[], execArgv: string[] = []): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; err: string }> } {
  const child = spawn(process.execPath, [...execArgv, BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  child.stdout!.resume();
  const done = new Promise<{ code: number | null; signal: string | null; err: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, err }));
  });
  return { child, done };
}

/** Resolves once `check()` holds (polled every 20 ms), or rejects after `ms`. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129], ['SIGQUIT', 131]] as const) {
  test(`${signal} during a long run with --runs-csv: the previous file intact, no temporary file, the runs finished reported`, async () => {
    const dir = tempDir();
    const out = writeTemp(dir, 'runs.csv', PREVIOUS);
    const { child, done } = start(['run', '--runs', '1000000', '--workers', '1', '--quiet', '--runs-csv', out]);
    // wait until the run is writing: its temporary file exists and has had a block flushed into it (more
    // than the header, which is written before the first run: a busy machine can take the signal before
    // the first block ends)
    await until(() => temps(dir).some((t) => statSync(join(dir, t)).size > 10_000), 20000, 'the runs CSV to be written');
    child.kill(signal);
    const r = await done;
    assert.is(r.code, code, r.err);
    assert.match(r.err, new RegExp(`interrupted by ${signal} after \\d+ of 1000000 runs had finished; no output file was written \\(any previous one is unchanged\\)`));
    const finished = Number(/after (\d+) of/.exec(r.err)![1]);
    assert.ok(finished >= 1000 && finished % 1000 === 0, `${finished} runs: whole blocks, at least one`);
    assert.ok(noStack(r.err), r.err);
    assert.is(readFileSync(out, 'utf8'), PREVIOUS);
    assert.equal(readdirSync(dir), ['runs.csv']);
  });
}

test('SIGINT with worker threads stops them too, and the process exits promptly', async () => {
  const dir = tempDir();
  const { child, done } = start(['run', '--runs', '1000000', '--workers', '2', '--quiet', '--runs-csv', join(dir, 'r.csv')]);
  await until(() => temps(dir).length > 0, 20000, 'the temporary file');
  await new Promise((r) => setTimeout(r, 300));
  const t0 = Date.now();
  child.kill('SIGINT');
  const r = await done;
  assert.ok(Date.now() - t0 < 3000, `exit took ${Date.now() - t0} ms`);
  assert.is(r.code, 130, r.err);
  assert.match(r.err, /interrupted by SIGINT after \d+ of 1000000 runs had finished/);
  assert.equal(readdirSync(dir), []);
});

test('kill -9 during a runs CSV write leaves no partial target; the next write of it removes the stale temporary file', async () => {
  const dir = tempDir();
  const out = writeTemp(dir, 'runs.csv', PREVIOUS);
  const { child, done } = start(['run', '--runs', '1000000', '--workers', '1', '--quiet', '--runs-csv', out]);
  await until(() => temps(dir).some((t) => statSync(join(dir, t)).size > 100_000), 20000, 'the runs CSV to be well under way');
  child.kill('SIGKILL');
  const r = await done;
  assert.is(r.signal, 'SIGKILL');
  assert.is(readFileSync(out, 'utf8'), PREVIOUS, 'the target is as it was');
  const stale = temps(dir);
  assert.is(stale.length, 1, 'the killed process could not remove its temporary file');
  assert.match(stale[0], /^\.runs\.csv\.\d+\.[0-9a-f]{12}\.tmp$/);
  // the next run writing the same target removes it
  const next = negsim(['run', '--runs', '50', '--quiet', '--runs-csv', out]);
  assert.is(next.code, 0, next.err);
  assert.equal(readdirSync(dir), ['runs.csv']);
  assert.is(readFileSync(out, 'utf8').split('\r\n').filter(Boolean).length, 51);
});

test("a temporary file of a live process is not removed by another writer", () => {
  const dir = tempDir();
  // this test process is alive: its pid in the name marks the file as in use
  const mine = `.s.csv.${process.pid}.0123456789ab.tmp`;
  writeFileSync(join(dir, mine), 'partial');
  const r = negsim(['run', '--runs', '20', '--quiet', '--csv', join(dir, 's.csv')]);
  assert.is(r.code, 0, r.err);
  assert.ok(existsSync(join(dir, mine)));
  assert.ok(existsSync(join(dir, 's.csv')));
});

const EXIT_HOOK = `import { isMainThread, parentPort } from 'node:worker_threads';
if (!isMainThread) parentPort.once('message', () => process.exit(7));\n`;
const THROW_HOOK = `import { isMainThread, parentPort } from 'node:worker_threads';
if (!isMainThread) parentPort.once('message', () => setImmediate(() => { throw new Error('simulated worker crash'); }));\n`;

for (const [what, hook, message] of [
  ['exits', EXIT_HOOK, /a worker thread exited with code 7 after 0 of 20000 runs; the Monte Carlo was abandoned; no output file was written/],
  ['throws', THROW_HOOK, /a worker thread threw an uncaught error \(simulated worker crash\) after \d+ of 20000 runs; the Monte Carlo was abandoned/],
] as const) {
  test(`a worker thread that ${what} fails the run with a message and exit 2, outputs untouched`, async () => {
    const dir = tempDir();
    const hookFile = writeTemp(dir, 'hook.mjs', hook);
    const out = writeTemp(dir, 'runs.csv', PREVIOUS);
    const { done } = start(['run', '--runs', '20000', '--workers', '2', '--quiet', '--runs-csv', out, '--csv', join(dir, 's.csv')], ['--import', hookFile]);
    const r = await done;
    assert.is(r.code, 2, r.err);
    assert.match(r.err, message);
    assert.ok(noStack(r.err), r.err);
    assert.is(readFileSync(out, 'utf8'), PREVIOUS);
    assert.equal(readdirSync(dir).sort(), ['hook.mjs', 'runs.csv']);
  });
}

test.run();
