/** Run the built command line (dist/, built by npm test before the tests) as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Result { code: number; out: string; err: string }

/** `input`: what the command reads on standard input (default: nothing, an empty stdin). */
export function negsim(args: string[], opts: { cwd?: string; input?: string } = {}): Result {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'bin', 'negsim.js'), ...args], {
    encoding: 'utf8', cwd: opts.cwd ?? process.cwd(), env: { ...process.env, NO_COLOR: '1' }, input: opts.input ?? '',
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

/**
 * A tmpfs of `kb` kilobytes, to fill a disk for real (Linux, as root: CI's container); null where it cannot
 * be mounted, and the caller skips its test saying so.
 */
export function tinyDisk(kb: number): { dir: string; close: () => void } | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'negsim-full-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir]);
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    close: () => {
      spawnSync('umount', ['-l', dir]); // lazy: a descriptor a failed test left open must not keep it mounted
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
