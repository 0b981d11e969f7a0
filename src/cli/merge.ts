/**
 * `negsim merge PART..`: combine the parts written by `negsim run --shard k/N --out F` into the result
 * `negsim run` would have printed on one machine — the same bytes (`--json` byte for byte) — after
 * checking that they belong together (part-file.ts: checkPartSet) and cover every run once.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Argv } from 'yargs';
import { writeFileAtomic } from '../report/atomic-file.js';
import { summaryJson } from '../report/json.js';
import { checkPartSet, orderParts, parsePart, type Part } from '../report/part-file.js';
import { roundsCsv } from '../report/rounds-csv.js';
import { summaryCsv } from '../report/summary-csv.js';
import { summaryTable } from '../report/table.js';
import { BLOCK_SIZE, blockCount } from '../sim/block.js';
import { mergePartialTallies } from '../stats/partial-tally.js';
import { summarise, type Summary } from '../stats/summary.js';
import { outputFlag, UserError } from './common.js';
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
  if (names.length === 0) throw new UserError('name the part files, e.g. negsim merge part-*.json');
  if (new Set(names).size !== names.length) throw new UserError(`a part file is named twice: ${names.filter((n, i) => names.indexOf(n) !== i).join(', ')}`);
  for (const [flag, path] of [['--csv', args.csv], ['--rounds-csv', args['rounds-csv']]] as const) {
    if (path !== undefined) await outputFlag(flag, path, 'results/out.csv');
  }
  const parts: { name: string; part: Part }[] = [];
  const bad: string[] = [];
  for (const name of names) {
    let text: string;
    try {
      if (statSync(name).size > MAX_PART_BYTES) { bad.push(`${name}: larger than 1 GB; not a part file`); continue; }
      text = readFileSync(name, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      bad.push(`${name}: ${code === 'ENOENT' ? 'not found' : (e as Error).message}`);
      continue;
    }
    const p = parsePart(text);
    if (typeof p === 'string') bad.push(`${name}: ${p}`);
    else parts.push({ name, part: p });
  }
  if (bad.length > 0) throw new UserError(bad.join('\n'));
  const problems = checkPartSet(parts, blockCount, BLOCK_SIZE);
  if (problems.length > 0) throw new UserError(`${problems.join('\n')}\nnothing was merged.`);
  const ordered = orderParts(parts);
  const head = ordered[0].part;
  const tally = mergePartialTallies(head.scenario, ordered.map((q) => q.part.partial));
  const summary = summarise(head.scenario, tally, head.seed, head.negsim, head.rng, head.overrides);
  if (args.csv) await writeFileAtomic(args.csv, summaryCsv(summary));
  if (args['rounds-csv']) await writeFileAtomic(args['rounds-csv'], roundsCsv(summary));
  io.out(args.json ? summaryJson(summary) : summaryTable(summary));
  return summary;
}
