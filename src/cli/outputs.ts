/**
 * No output over an input: before anything runs, every output a command was asked to write is compared
 * with every file it reads (the scenario, its source text, a part being merged) and with the other
 * outputs, as files, not as strings — `./x.csv` and `x.csv`, a symbolic link and its target, two hard
 * links of one file are the same file. Any match is refused with a message naming both.
 *
 * Files that exist are compared by device and inode; a name that does not exist yet by its folder's
 * real path and its own name (two such names are one file when they will be created as one).
 *
 * @example
 * refuseOverwritingInputs([{ role: '--csv', path: 'geneva.yaml' }], [{ role: 'the scenario', path: './geneva.yaml' }]);
 * // throws UserError: --csv geneva.yaml is the scenario (./geneva.yaml): negsim never writes over a file
 * //   it reads. Name another file for --csv.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Scenario } from '../scenario/types.js';
import { UserError } from './common.js';
import { terminalSafe } from '../report/terminal-text.js';

/** A file a command reads or writes, and what it is to the command: `--csv`, `the scenario`, `part part-1.json`. */
export interface FileRole {
  role: string;
  path: string;
}

/** The files a loaded scenario was read from: the scenario file and, when it names one, its source text. */
export function scenarioInputs(s: Scenario): FileRole[] {
  const files: FileRole[] = [{ role: 'the scenario', path: s.file }];
  if (s.source?.file !== undefined) files.push({ role: `the source text of ${basename(s.file)}`, path: resolve(dirname(s.file), s.source.file) });
  return files;
}

/** What identifies `path` as a file: device and inode when it exists, else its folder's real path and its name. */
export function fileIdentity(path: string): string {
  try {
    const st = statSync(path);
    return `inode:${st.dev}:${st.ino}`;
  } catch {
    // not there (yet): compared by name below
  }
  const full = resolve(path);
  try {
    return `path:${join(realpathSync(dirname(full)), basename(full))}`;
  } catch {
    return `path:${full}`;
  }
}

/** The outputs given, as roles: `{'--csv': 'a.csv', '--report': undefined}` -> `[{role: '--csv', path: 'a.csv'}]`. */
export function namedOutputs(flags: Record<string, string | undefined>): FileRole[] {
  return Object.entries(flags).flatMap(([role, path]) => (path === undefined ? [] : [{ role, path }]));
}

/**
 * Throws a UserError when an output is one of the inputs, or two outputs are one file. `outputs` with
 * an empty path are skipped (the flag's own check reports them).
 */
export function refuseOverwritingInputs(outputs: readonly FileRole[], inputs: readonly FileRole[]): void {
  const read = inputs.map((f) => ({ ...f, id: fileIdentity(f.path) }));
  const written: (FileRole & { id: string })[] = [];
  for (const o of outputs) {
    if (o.path === '') continue;
    const id = fileIdentity(o.path);
    const input = read.find((f) => f.id === id);
    if (input) {
      throw new UserError(`${o.role} ${show(o.path)} is ${input.role} (${show(input.path)}): negsim never writes over a file it reads. ` +
        `Name another file for ${o.role}.`);
    }
    const twice = written.find((f) => f.id === id);
    if (twice) {
      throw new UserError(`${twice.role} ${show(twice.path)} and ${o.role} ${show(o.path)} are the same file; give each output its own file.`);
    }
    written.push({ ...o, id });
  }
}

const show = (p: string) => terminalSafe(p);
