/** Run the built command line (dist/, built by npm test before the tests) as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Result { code: number; out: string; err: string }

export function negsim(args: string[], opts: { cwd?: string } = {}): Result {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'bin', 'negsim.js'), ...args], {
    encoding: 'utf8', cwd: opts.cwd ?? process.cwd(), env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'negsim-test-'));
}

export function writeTemp(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** No stack trace: no "    at f (file:line)" frames and no Node error banner. */
export function noStack(text: string): boolean {
  return !/\n\s+at [^\n]+:\d+:\d+\)?/.test(text) && !text.includes('node:internal');
}
