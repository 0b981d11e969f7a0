/**
 * The package as a user gets it (src/index.ts): `npm pack` of the built package, installed from the
 * tarball into an empty folder, then the README's library example — the text of its first js block
 * under "Use it as a library", unchanged — run with node as example.mjs and type-checked as TypeScript
 * against the shipped .d.ts. Its output must be what the installed `negsim run` prints, followed by a
 * count the installed `negsim run --json` confirms.
 *
 * The install: npm resolves a tarball's dependencies by asking the registry for their versions, which
 * needs the network; here the folder gets a lockfile made from negsim's own (the tarball, then every
 * package negsim's lockfile holds for production), so `npm ci --offline` installs the versions negsim
 * was tested with from npm's cache, which `npm ci` of this repository filled. When the cache lacks one
 * (a machine that never installed negsim), it falls back to `npm ci --prefer-offline`, which fetches
 * only what is missing. Needs `npm run build` first (npm test builds). Measured on this 2-core machine:
 * 15 s with little else running (npm ci about 9 s of it), 41-67 s at a load average of 8-10.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codeBlocks, readmeSection } from '../readme.js';

const ROOT = process.cwd();

function run(cmd: string, args: string[], cwd: string, what: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } });
  if (r.error) throw new Error(`${what}: ${r.error.message}`);
  return r;
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  assert.is(r.status, 0, `${what} failed (exit ${r.status}):\n${r.stderr}`);
  return r.stdout;
}

/** package.json and package-lock.json of a folder whose one dependency is the tarball, with negsim's locked dependencies. */
function appFiles(tarball: string): { pkg: object; lock: object } {
  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string; dependencies: Record<string, string> };
  const locked = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const dependencies = { negsim: `file:${tarball}` };
  const packages: Record<string, unknown> = {
    '': { name: 'negsim-user', dependencies },
    'node_modules/negsim': {
      version: own.version, resolved: `file:${tarball}`, integrity, license: own.license,
      dependencies: own.dependencies, bin: own.bin, engines: own.engines,
    },
  };
  for (const [path, entry] of Object.entries(locked.packages)) {
    if (path !== '' && !entry.dev && !entry.devOptional) packages[path] = entry;
  }
  return {
    pkg: { name: 'negsim-user', private: true, dependencies },
    lock: { name: 'negsim-user', lockfileVersion: 3, requires: true, packages },
  };
}

test("the README's library example, run against the packed and installed package, prints what the installed negsim run prints", () => {
  assert.ok(existsSync(join(ROOT, 'dist', 'index.js')) && existsSync(join(ROOT, 'dist', 'index.d.ts')), 'dist/ is built (npm run build)');
  const example = codeBlocks(readmeSection('Use it as a library'), 'js')[0];
  assert.ok(example, 'README.md, "Use it as a library", has a js block');
  assert.ok(example.split('\n').length <= 12, 'the example is about ten lines');
  const dir = mkdtempSync(join(tmpdir(), 'negsim-pack-'));
  try {
    const packed = JSON.parse(ok(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT, 'npm pack'), 'npm pack')) as { filename: string; files: { path: string }[] }[];
    const files = packed[0].files.map((f) => f.path);
    for (const f of ['bin/negsim.js', 'dist/index.js', 'dist/index.d.ts', 'dist/bundle/main.js', 'dist/sim/worker.js', 'scenarios/geneva-2014.yaml', 'scenarios/geneva-ii-ap-article.txt', 'README.md']) {
      assert.ok(files.includes(f), `the tarball holds ${f}`);
    }
    assert.ok(!files.some((f) => f.startsWith('test/') || f.startsWith('src/') || f.startsWith('node_modules/')), 'no tests, sources or dependencies in the tarball');

    const app = join(dir, 'app');
    const { pkg, lock } = appFiles(join(dir, packed[0].filename));
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify(pkg, null, 2));
    writeFileSync(join(app, 'package-lock.json'), JSON.stringify(lock, null, 2));
    let install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], app, 'npm ci --offline');
    if (install.status !== 0 && /ENOTCACHED/.test(install.stderr)) {
      install = run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], app, 'npm ci --prefer-offline');
    }
    ok(install, 'npm ci of the tarball');

    writeFileSync(join(app, 'example.mjs'), example);
    const printed = ok(run(process.execPath, ['example.mjs'], app, 'node example.mjs'), 'node example.mjs');

    // the installed command line, from the user's folder
    const bin = join(app, 'node_modules', '.bin', 'negsim');
    const args = ['run', '--runs', '2000', '--seed', '7', '--workers', '2', '--set', 'actors.russia.pressure.0.strength=0.9'];
    const table = ok(run(bin, args, app, 'negsim run'), 'negsim run');
    const json = JSON.parse(ok(run(bin, [...args, '--json'], app, 'negsim run --json'), 'negsim run --json')) as { actors: { snc: { withdraw_on_exit: { count: number } } } };
    assert.ok(table.includes('overrides: actors.russia.pressure.0.strength=0.9'), table);
    assert.is(printed, `${table}snc walked out on its exit threat in ${json.actors.snc.withdraw_on_exit.count} of 2000 runs\n`);

    // the same text type-checks as TypeScript against the shipped declarations (exports' "types"), and a
    // misuse beside it does not: one tsc over both, whose only complaints are about the misuse
    writeFileSync(join(app, 'example.mts'), example);
    writeFileSync(join(app, 'wrong.mts'), "import { simulate } from 'negsim';\nawait simulate('geneva.yaml', { runs: 10 });\n");
    const tsc = run(join(ROOT, 'node_modules', '.bin', 'tsc'), [
      '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022',
      '--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types'), 'example.mts', 'wrong.mts',
    ], app, 'tsc');
    const complaints = tsc.stdout.trim().split('\n').filter((l) => /error TS\d+/.test(l));
    assert.is.not(tsc.status, 0, 'tsc refuses wrong.mts');
    assert.ok(complaints.length > 0 && complaints.every((l) => l.startsWith('wrong.mts')), tsc.stdout);
    assert.match(tsc.stdout, 'LoadedScenario');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
