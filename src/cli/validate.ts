/**
 * `negsim validate FILE..`: every problem of every file (a folder: the scenario files in it), each with
 * file:line:column and a hint; exit 1 if any file has an error (warnings alone pass). `-` reads the
 * scenario from standard input (named `<stdin>` in messages; a `source.file` it names is looked for in the
 * working directory).
 */
import { readSync } from 'node:fs';
import { toProblem, type Problem } from '../api/errors.js';
import { checkScenario } from '../api/scenario.js';
import { MAX_FILE_BYTES } from '../scenario/limits.js';
import { expandScenarioPaths } from '../scenario/scenario-files.js';
import { UserError } from './user-error.js';
import type { Io } from './run.js';
import { STDIN_FILE } from './usage.js';

/** How a file named `-` is shown in messages, and the name its text is checked under (YAML: no extension). */
export const STDIN_NAME = '<stdin>';

export function validateCommand(files: string[], io: Io, stdin: () => Buffer = readStandardInput): number {
  if (files.filter((f) => f === STDIN_FILE).length > 1) throw new UserError("'-' (standard input) is named twice; it can be read once");
  let bad = 0;
  for (const given of expandScenarioPaths(files)) {
    const file = given === STDIN_FILE ? STDIN_NAME : given;
    const problems = given === STDIN_FILE ? checkStdin(stdin) : checkScenario(file);
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    for (const p of problems) io.err(p.text + '\n');
    if (errors > 0) {
      bad++;
      io.err(`${file}: ${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}\n`);
    } else {
      io.out(`${file}: ok${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}\n`);
    }
  }
  return bad > 0 ? 1 : 0;
}

function checkStdin(stdin: () => Buffer): Problem[] {
  const bytes = stdin();
  const fail = (message: string, hint?: string): Problem[] => [toProblem({ severity: 'error', message, ...(hint ? { hint } : {}) }, STDIN_NAME)];
  if (bytes.length === 0) return fail('standard input is empty', 'pipe a scenario into it: negsim validate - < my-scenario.yaml');
  if (bytes.length > MAX_FILE_BYTES) return fail(`standard input holds more than ${MAX_FILE_BYTES} bytes (5 MB), the limit of a scenario file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('standard input is not valid UTF-8 text', 'save the scenario as UTF-8');
  }
  return checkScenario({ text, name: STDIN_NAME });
}

/** Standard input up to one byte past the scenario limit (enough to say it is too large, never more). */
function readStandardInput(): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') { // a non-blocking pipe with nothing in it yet: wait 10 ms, not spin
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw new UserError(`cannot read standard input: ${(e as Error).message}`);
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
    total += n;
    if (total > MAX_FILE_BYTES) break;
  }
  return Buffer.concat(chunks);
}
