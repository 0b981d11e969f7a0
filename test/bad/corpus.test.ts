/**
 * The bad-input corpus (issue 6): every malformed scenario file under test/bad/files and every bad command
 * line in test/bad/cases.json must end with exit 1, a message that says what is wrong and where (the
 * expected text at the expected line:column), and no stack trace. Warning cases (a red line no deal can
 * satisfy, an unknown YAML directive) load, with the warning.
 *
 * Cases too big or too binary to commit (a 50 MB file, random bytes, UTF-16, a BOM and CRLF with an error,
 * a million brackets, a billion laughs, ten thousand unknown keys) are made here, in a temporary folder.
 *
 * All file cases go through loadScenario in process; a sample of them, and every command, through the
 * built CLI (`npm test` builds dist/ first).
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatDiagnostic, loadScenario, MAX_ALIAS_COUNT, MAX_DIAGNOSTICS } from '../../src/scenario/load.js';
import type { Diagnostic } from '../../src/scenario/types.js';
import { noStack } from '../cli/helpers.js';

interface FileCase { file: string; why: string; message: string; line: number; column: number; severity?: 'warning' }
interface CommandCase { argv: string[]; why: string; message: string; stdin?: string }
/** A part forged from a good one (`{good}/part.json`): `edit` sets each dotted path (numbers index arrays) to its value. */
interface PartCase { file: string; why: string; edit: Record<string, unknown> }

const HERE = join(process.cwd(), 'test', 'bad');
const FILES = join(HERE, 'files');
const cases = JSON.parse(readFileSync(join(HERE, 'cases.json'), 'utf8')) as { files: FileCase[]; commands: CommandCase[]; parts: PartCase[] };

function show(ds: Diagnostic[]): string {
  return ds.map(formatDiagnostic).join('\n');
}

test('the corpus has at least 150 bad files, each in the manifest once, covering YAML and JSON', () => {
  const onDisk = readdirSync(FILES).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  const listed = cases.files.map((c) => c.file).sort();
  assert.equal(listed, onDisk, 'files/ and cases.json list the same files');
  assert.is(new Set(listed).size, listed.length, 'no file listed twice');
  assert.ok(listed.length >= 150, `${listed.length} files`);
  assert.ok(listed.filter((f) => f.endsWith('.json')).length >= 30, 'JSON cases');
  for (const prefix of ['syntax-', 'json-', 'type-', 'missing-', 'duplicate-', 'ref-', 'empty-', 'prob-', 'dist-', 'warn-', 'expr-', 'num-', 'alias-', 'key-', 'id-', 'rule-', 'source-', 'text-', 'limit-']) {
    assert.ok(listed.some((f) => f.startsWith(prefix)), `a ${prefix} case`);
  }
});

test('every bad file is refused with its message at its line:column (warning cases load with their warning)', () => {
  for (const c of cases.files) {
    const r = loadScenario(join(FILES, c.file));
    const want = c.severity ?? 'error';
    const ds = r.diagnostics.filter((d) => d.severity === want);
    const hit = ds.find((d) => formatDiagnostic(d).includes(c.message));
    assert.ok(hit, `${c.file} (${c.why}): no ${want} containing "${c.message}"; got:\n${show(r.diagnostics)}`);
    assert.equal(hit!.loc && [hit!.loc.line, hit!.loc.column], [c.line, c.column], `${c.file}: location of "${c.message}"`);
    if (want === 'error') assert.is(r.scenario, undefined, `${c.file}: no scenario when there is an error`);
    else assert.ok(r.scenario, `${c.file}: a warning alone must not stop the scenario:\n${show(r.diagnostics)}`);
    for (const d of r.diagnostics) {
      assert.ok(d.message.length > 0 && d.message.length < 400, `${c.file}: message length ${d.message.length}`);
      assert.ok(noStack(formatDiagnostic(d)), `${c.file}: a stack trace in\n${formatDiagnostic(d)}`);
    }
  }
});

// ------------------------------------------------------------------ generated cases

const tmp = mkdtempSync(join(tmpdir(), 'negsim-bad-'));
const MINI = 'id: mini\ntitle: Mini\nrounds: 3\nissues:\n  x: { low: a, high: b }\nactors:\n  a: { name: A, role: party, capability: 0.5, position: { x: 10 } }\n';

/** The one error of `bytes` written to `name`, found within `ms` milliseconds. */
function refusedQuickly(name: string, bytes: string | Buffer, message: string | RegExp, ms = 3000): Diagnostic {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  const t0 = performance.now();
  const r = loadScenario(file);
  const took = performance.now() - t0;
  assert.ok(took < ms, `${name}: ${took.toFixed(0)} ms`);
  assert.is(r.scenario, undefined, name);
  const e = r.diagnostics.find((d) => d.severity === 'error' && (typeof message === 'string' ? d.message.includes(message) : message.test(d.message)));
  assert.ok(e, `${name}: expected ${String(message)}, got:\n${show(r.diagnostics)}`);
  return e!;
}

test('a 50 MB file is refused by its size before it is read', () => {
  const file = join(tmp, 'huge.yaml');
  const fd = openSync(file, 'w');
  ftruncateSync(fd, 50 * 1024 * 1024); // sparse: nothing is written, the size is what counts
  closeSync(fd);
  const t0 = performance.now();
  const r = loadScenario(file);
  assert.ok(performance.now() - t0 < 100);
  assert.match(r.diagnostics[0].message, /is too large \(52428800 bytes; the limit is 5242880, 5 MB\)/);
});

test('binary garbage, UTF-16 and a PNG header are refused as not UTF-8', () => {
  let x = 12345;
  const random = Buffer.alloc(65536);
  for (let i = 0; i < random.length; i++) random[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  refusedQuickly('garbage.yaml', random, 'is not valid UTF-8 text');
  refusedQuickly('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINI, 'utf16le')]), 'is not valid UTF-8 text');
  refusedQuickly('image.json', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), random.subarray(0, 100)]), 'is not valid UTF-8 text');
});

test('NUL and escape bytes inside otherwise good text are refused at their place', () => {
  const e = refusedQuickly('nul.yaml', MINI.replace('title: Mini', 'title: Mi\u0000ni'), 'control character U+0000');
  assert.equal([e.loc?.line, e.loc?.column], [2, 8]);
  refusedQuickly('esc.yaml', MINI.replace('name: A', 'name: "A\\e]0;owned\\a"'), 'control character U+001B');
});

test('a UTF-8 BOM, CRLF or CR line ends do not move the reported line:column', () => {
  const bad = MINI.replace('capability: 0.5', 'capability: 5');
  const plain = refusedQuickly('plain.yaml', bad, 'must be within [0, 1]');
  assert.equal([plain.loc?.line, plain.loc?.column], [7, 42]);
  for (const [name, text] of [['bom.yaml', '\uFEFF' + bad], ['crlf.yaml', bad.replace(/\n/g, '\r\n')], ['cr.yaml', bad.replace(/\n/g, '\r')], ['bom-crlf.json', '\uFEFF' + JSON.stringify({ id: 'x', title: 'X', rounds: 'three' }, null, 2).replace(/\n/g, '\r\n')]]) {
    const e = refusedQuickly(name, text, /must be within|expected an integer/);
    assert.equal([e.loc?.line, e.loc?.column], name.endsWith('.json') ? [4, 13] : [7, 42], name);
  }
  const ok = loadScenario(join(tmp, 'ok.yaml'), { text: '\uFEFF' + MINI.replace(/\n/g, '\r\n') });
  assert.ok(ok.scenario, show(ok.diagnostics));
});

test('deep nesting is refused before the parser can exhaust the stack, flow or block', () => {
  refusedQuickly('brackets.yaml', '['.repeat(1_000_000), 'nests lists and mappings more than 64 levels deep');
  refusedQuickly('braces.json', '{"a":'.repeat(200_000), 'nests lists and mappings more than 64 levels deep');
  refusedQuickly('block.yaml', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}- `).join('\n') + '1\n', 'more than 64 levels deep');
});

test(`billion laughs (9 levels of 9 aliases) is refused after ${MAX_ALIAS_COUNT} expansions`, () => {
  const levels = 'abcdefghij';
  let text = `a: &a [${Array(9).fill('"lol"').join(',')}]\n`;
  for (let i = 1; i < levels.length; i++) text += `${levels[i]}: &${levels[i]} [${Array(9).fill('*' + levels[i - 1]).join(',')}]\n`;
  refusedQuickly('laughs.yaml', text, `expands YAML aliases (*name) more than ${MAX_ALIAS_COUNT} times`, 1000);
});

test(`ten thousand unknown keys give ${MAX_DIAGNOSTICS} messages and a count of the rest, quickly`, () => {
  let text = MINI;
  for (let i = 0; i < 10_000; i++) text += `k${i}: 1\n`;
  const file = join(tmp, 'keys.yaml');
  writeFileSync(file, text);
  const t0 = performance.now();
  const r = loadScenario(file);
  assert.ok(performance.now() - t0 < 5000);
  assert.is(r.diagnostics.length, MAX_DIAGNOSTICS + 1);
  assert.is(r.diagnostics[MAX_DIAGNOSTICS].message, `${10_000 - MAX_DIAGNOSTICS} more problems not shown (${10_000 - MAX_DIAGNOSTICS} of them errors)`);
});

test('a file just over 5 MB of real YAML is refused; a long but legal title loads fast', () => {
  refusedQuickly('big.yaml', MINI + '# ' + 'x'.repeat(5 * 1024 * 1024) + '\n', 'is too large');
  const file = join(tmp, 'long-title.yaml');
  writeFileSync(file, MINI.replace('title: Mini', `title: ${'Mini '.repeat(800_000)}`));
  const t0 = performance.now();
  const r = loadScenario(file);
  assert.ok(r.scenario, show(r.diagnostics));
  assert.ok(performance.now() - t0 < 3000);
});

// ------------------------------------------------------------------ through the CLI

interface Run { code: number | null; out: string; err: string }

function cli(argv: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(process.cwd(), 'bin', 'negsim.js'), ...argv], { env: { ...process.env, NO_COLOR: '1' } });
    p.stdin.end(stdin);
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Run `jobs` with at most `n` at a time. */
async function pool<T>(jobs: (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  }));
  return out;
}

/**
 * `{good}`: a folder with a copy of the Geneva II scenario and its source text, a good part of it
 * (`part.json`, 1000 runs) and the parts forged from it (cases.json "parts"), for the commands that must
 * refuse to write over an input or to merge a forged part. Every file in it must be unchanged afterwards.
 */
async function goodFolder(): Promise<{ dir: string; snapshot: () => Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'negsim-bad-good-'));
  for (const f of ['geneva-2014.yaml', 'geneva-ii-ap-article.txt']) copyFileSync(join('scenarios', f), join(dir, f));
  const made = await cli(['run', join(dir, 'geneva-2014.yaml'), '--runs', '1000', '--workers', '1', '--shard', '1/1', '--out', join(dir, 'part.json')]);
  assert.is(made.code, 0, made.err);
  const good = readFileSync(join(dir, 'part.json'), 'utf8');
  for (const c of cases.parts) {
    const j = JSON.parse(good) as Record<string, unknown>;
    for (const [path, value] of Object.entries(c.edit)) {
      const keys = path.split('.');
      let at = j as Record<string, unknown>;
      for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
      assert.ok(keys[keys.length - 1] in at, `${c.file}: ${path} is not a field of a part`);
      at[keys[keys.length - 1]] = value;
    }
    writeFileSync(join(dir, c.file), JSON.stringify(j));
  }
  const snapshot = () => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  return { dir, snapshot };
}

test('every bad command line, and a sample of the bad files, through the CLI: exit 1, the message, no stack trace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'negsim-bad-cli-'));
  const good = await goodFolder();
  const before = good.snapshot();
  const fill = (a: string) => a.replace('{files}', FILES).replace('{tmp}', dir).replace('{good}', good.dir);
  const errors = cases.files.filter((c) => c.severity === undefined);
  const step = Math.floor(errors.length / 20);
  const sample = errors.filter((_, i) => i % step === 0).slice(0, 20);
  const where = (c: FileCase) => `${join(FILES, c.file)}:${c.line}:${c.column}: error: `;
  // one process per command; the sampled files: 4 through `run`, 16 through one `validate`
  const jobs: { label: string; argv: string[]; messages: string[]; stdin?: string }[] = [
    ...cases.commands.map((c) => ({ label: `${c.why}: negsim ${c.argv.join(' ')}`, argv: c.argv.map(fill), messages: [fill(c.message)], stdin: c.stdin })),
    ...sample.slice(0, 4).map((c) => ({ label: `${c.file} (${c.why})`, argv: ['run', join(FILES, c.file), '--runs', '10'], messages: [where(c)] })),
    { label: `validate of ${sample.length - 4} files`, argv: ['validate', ...sample.slice(4).map((c) => join(FILES, c.file))], messages: sample.slice(4).map(where) },
  ];
  const results = await pool(jobs.map((j) => () => cli(j.argv, j.stdin)), 3);
  jobs.forEach((j, i) => {
    const r = results[i];
    assert.is(r.code, 1, `${j.label}: exit code\n${r.err}`);
    for (const m of j.messages) assert.ok(r.err.includes(m), `${j.label}: expected "${m}" in:\n${r.err}`);
    assert.ok(noStack(r.err), `${j.label}: stack trace in:\n${r.err}`);
    assert.ok(!/internal error/.test(r.err), `${j.label}: reported as an internal error`);
    assert.ok(!/\u001b|\u202e/i.test(r.err + r.out), `${j.label}: an escape or bidi character reached the terminal`);
  });
  assert.equal(readdirSync(dir), [], 'no output file left behind by any refused command');
  assert.equal(good.snapshot(), before, 'no input written over');
  for (const c of cases.parts) {
    assert.ok(cases.commands.some((k) => k.argv.some((a) => a.endsWith(`/${c.file}`))), `part ${c.file} is merged by a command case`);
  }
});

test.run();
