#!/usr/bin/env node
/**
 * The test runner behind `npm test`: runs every test/<folder>/<module>.test.ts with uvu under tsx,
 * streams uvu's output as it comes, then prints one closing line that CI reads:
 *
 *     N passed, N failed            (and `, N skipped` when any test was skipped)
 *
 * uvu itself ends with `Total:` (tests that ran), `Passed:` and `Skipped:` lines and no "failed" line,
 * so failed = Total - Passed. The exit code is 1 when a test failed, when uvu printed no totals (a
 * test file that throws while loading stops uvu before it counts), when no test ran at all (a wrong
 * filter must not look like success), or when uvu itself exited non-zero.
 *
 * Usage:
 *     node scripts/test.js                 all of test/
 *     node scripts/test.js stats           one folder (test/stats, or any folder path)
 *     node scripts/test.js report/csv      test files whose path under test/ matches this regex
 *     node scripts/test.js --bail ...      other flags go to uvu as they are
 *
 * tsx is loaded with `node --import tsx`, not uvu's `-r tsx`, which loads files with require and
 * breaks top-level await in ESM test files.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const uvuBin = join(root, 'node_modules', 'uvu', 'bin.js');
const TEST_FILE = '\\.test\\.ts$';

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('-'));
const filters = args.filter((a) => !a.startsWith('-'));
if (filters.length > 1) {
  console.error(`scripts/test.js: one folder or pattern at most, got: ${filters.join(' ')}`);
  process.exit(1);
}

let dir = 'test';
let pattern = TEST_FILE;
const filter = filters[0];
if (filter !== undefined) {
  const asFolder = [filter, join('test', filter)].map((p) => join(root, p)).find(isFolder);
  if (asFolder !== undefined) {
    dir = relative(root, asFolder) || '.';
  } else {
    try {
      new RegExp(filter);
    } catch {
      console.error(`scripts/test.js: "${filter}" is neither a folder nor a valid regular expression`);
      process.exit(1);
    }
    // uvu matches its pattern (case-insensitively) against each file's path under `dir`.
    pattern = `^(?=.*(?:${filter})).*${TEST_FILE}`;
  }
}

const child = spawn(process.execPath, ['--import', 'tsx', uvuBin, dir, pattern, '-c', 'false', ...flags], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit'],
});

let output = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});

child.on('close', (code, signal) => {
  // Colour codes are off (-c false), but FORCE_COLOR in the environment could bring them back.
  const text = output.replace(/\u001b\[[0-9;]*m/g, '');
  const count = (label) => {
    const m = text.match(new RegExp(`^\\s*${label}:\\s+(\\d+)\\s*$`, 'm'));
    return m ? Number(m[1]) : undefined;
  };
  const total = count('Total');
  const passed = count('Passed');
  const skipped = count('Skipped') ?? 0;

  let failed;
  let ok;
  if (total === undefined || passed === undefined) {
    console.error(
      signal !== null
        ? `scripts/test.js: uvu was stopped by ${signal} before printing its totals`
        : 'scripts/test.js: uvu printed no totals (a test file probably failed to load; see above); counted as 1 failure',
    );
    failed = 1;
    ok = false;
  } else {
    failed = total - passed;
    ok = failed === 0;
    if (total === 0) {
      console.error(`scripts/test.js: no test ran (folder ${dir}, pattern ${pattern})`);
      ok = false;
    } else if (failed === 0 && code !== 0) {
      console.error(`scripts/test.js: every test passed but uvu exited with code ${code}; counted as 1 failure`);
      failed = 1;
      ok = false;
    }
  }
  console.log(`${passed ?? 0} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  process.exitCode = ok ? 0 : 1;
});

function isFolder(path) {
  return existsSync(path) && statSync(path).isDirectory();
}
