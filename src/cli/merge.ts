/**
 * `negsim merge PART..`: combine the parts written by `negsim run --shard k/N --out F` into the result
 * `negsim run` would have printed on one machine — the same bytes (`--json` byte for byte) — after
 * checking that they belong together (part-file.ts: checkPartSet) and cover every run once.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Argv } from 'yargs';
import { InputError } from '../api/errors.js';
import { mergeParts, readPart, type Part } from '../api/shard.js';
import { OutputSet } from '../report/output-set.js';
import { summaryJson } from '../report/json.js';
import { roundsCsv } from '../report/rounds-csv.js';
import { summaryCsv } from '../report/summary-csv.js';
import { summaryTable } from '../report/table.js';
import type { Summary } from '../stats/summary.js';
import { outputFlag, UserError } from './common.js';
import { fileIdentity, refuseOverwritingInputs, type FileRole } from './outputs.js';
import type { Io } from './run.js';

/** A part larger than this is not a part: 10^8 runs of a 50-issue scenario make about 200 MB. */
const MAX_PART_BYTES = 1e9;

export interface MergeArgs {
  parts?: string[];
  json?: boolean;
  csv?: string;
  'rounds-csv'?: string;
}

export function mergeOptions(y: Argv): Argv<MergeArgs> {
  return y
    .positional('parts', { type: 'string', array: true, describe: 'part files written by negsim run --shard k/N --out FILE' })
    .option('json', { type: 'boolean', describe: 'print the summary as JSON (exactly what negsim run --json prints)' })
    .option('csv', { type: 'string', describe: 'write the summary CSV (one row a metric) to this file' })
    .option('rounds-csv', { type: 'string', describe: 'write one row a round to this file' }) as unknown as Argv<MergeArgs>;
}

export async function mergeCommand(args: MergeArgs, io: Io): Promise<Summary> {
  const names = args.parts ?? [];
  if (names.length === 0) throw new UserError('name the part files to merge, e.g. negsim merge part-*.json (parts are written by negsim run FILE --shard k/N --out part-k.json)');
  const outputs: FileRole[] = [];
  for (const [flag, path] of [['--csv', args.csv], ['--rounds-csv', args['rounds-csv']]] as const) {
    if (path === undefined) continue;
    await outputFlag(flag, path, 'results/out.csv');
    outputs.push({ role: flag, path });
  }
  const inputs = names.map((name) => ({ role: `the part ${name}`, path: name }));
  const twice = inputs.find((f, i) => inputs.findIndex((g) => fileIdentity(g.path) === fileIdentity(f.path)) !== i);
  if (twice) throw new UserError(`${twice.path} is named twice (as the same file); name each part once`);
  refuseOverwritingInputs(outputs, inputs);
  const parts: { name: string; part: Part }[] = [];
  const bad: string[] = [];
  for (const name of names) {
    const text = readPartFile(name);
    if (!text.ok) {
      bad.push(`${name}: ${text.problem}`);
      continue;
    }
    try {
      parts.push({ name, part: readPart(text.text) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      bad.push(`${name}: ${e.problems[0]}`);
    }
  }
  if (bad.length > 0) throw new UserError(`${bad.join('\n')}\nnothing was merged.`);
  let summary: Summary;
  try {
    ({ summary } = mergeParts(parts));
  } catch (e) {
    if (e instanceof InputError) throw new UserError(`${e.problems.join('\n')}\nnothing was merged.`);
    throw e;
  }
  const files = new OutputSet();
  try {
    if (args.csv) await files.add(args.csv, summaryCsv(summary));
    if (args['rounds-csv']) await files.add(args['rounds-csv'], roundsCsv(summary));
    await files.commit();
  } finally {
    await files.abort();
  }
  io.out(args.json ? summaryJson(summary) : summaryTable(summary));
  return summary;
}

/** One part file's text (mergeParts checks it), or why it cannot be read. */
function readPartFile(name: string): { ok: true; text: string } | { ok: false; problem: string } {
  const no = (problem: string) => ({ ok: false as const, problem });
  try {
    const st = statSync(name);
    if (st.isDirectory()) return no('a folder, not a part file; name the part files in it, e.g. negsim merge parts/part-*.json');
    if (!st.isFile()) return no('not a regular file (a device or a pipe); name a part file written by negsim run --shard k/N --out FILE');
    if (st.size > MAX_PART_BYTES) return no('larger than 1 GB; not a part file');
    return { ok: true, text: readFileSync(name, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return no('not found');
    if (code === 'EACCES' || code === 'EPERM') return no('cannot be read (permission denied)');
    return no(`cannot be read: ${(e as Error).message.split('\n')[0]}`);
  }
}
