/**
 * The partial result of a shard (`negsim run --shard k/N --out part-k.json`), as JSON: everything
 * `negsim merge` needs to rebuild, without the scenario file, exactly what `negsim run` prints — the
 * resolved scenario (with its overrides applied), its file's sha256, seed, total runs, rng, negsim
 * version, the slice, and the slice's tally with its order-sensitive sums per block (partial-tally.ts).
 *
 * Numbers are written by JSON.stringify, whose shortest round-trip form reads back to the same double,
 * so a part loses nothing. Parts come from other machines: `parsePart` checks the shape and every array's
 * length against the scenario before anything is merged.
 */
import type { Overrides } from '../scenario/override.js';
import type { Scenario } from '../scenario/types.js';
import { ORDER_SENSITIVE, type PartialTally } from '../stats/partial-tally.js';
import { newTally, type Tally } from '../stats/tally.js';

export const PART_FORMAT = 'negsim-part';
export const PART_FORMAT_VERSION = 1;

export interface Part {
  negsim: string;
  rng: string;
  scenario: Scenario;
  overrides: Overrides;
  seed: number;
  /** Runs of the whole Monte Carlo (all shards). */
  runs: number;
  shard: { k: number; n: number };
  partial: PartialTally;
}

const TALLY_ARRAYS = Object.keys(newTallyShape()).filter((k) => k !== 'runs' && k !== 'decisions') as (keyof Tally)[];

function newTallyShape(): Tally {
  return newTally({ actors: [], rounds: 0, measures: [], issues: [] } as unknown as Scenario);
}

export function partJson(p: Part): string {
  const t = p.partial.tally;
  const tally: Record<string, number | number[]> = { runs: t.runs, decisions: t.decisions };
  for (const k of TALLY_ARRAYS) tally[k] = Array.from(t[k] as Float64Array);
  const perBlock: Record<string, number[][]> = {};
  for (const k of ORDER_SENSITIVE) perBlock[k] = p.partial.perBlock.map((b) => Array.from(b[k]));
  return JSON.stringify({
    format: PART_FORMAT,
    format_version: PART_FORMAT_VERSION,
    negsim: p.negsim,
    rng: p.rng,
    scenario_hash: p.scenario.hash,
    overrides: p.overrides,
    seed: p.seed,
    runs: p.runs,
    shard: p.shard,
    blocks: p.partial.blocks,
    tally,
    per_block: perBlock,
    scenario: p.scenario,
  }) + '\n';
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isNums = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** A part read from its JSON text, or what is wrong with it (a sentence). */
export function parsePart(text: string): Part | string {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    return `not JSON (${(e as Error).message})`;
  }
  if (!isObj(j) || j.format !== PART_FORMAT) return `not a negsim part file (no "format": "${PART_FORMAT}"); parts are written by negsim run --shard k/N --out FILE`;
  if (j.format_version !== PART_FORMAT_VERSION) return `part format version ${String(j.format_version)}, this negsim reads version ${PART_FORMAT_VERSION}`;
  const sh = j.shard, blocks = j.blocks, s = j.scenario;
  if (typeof j.negsim !== 'string' || typeof j.rng !== 'string' || typeof j.scenario_hash !== 'string') return 'negsim, rng or scenario_hash is missing';
  if (!isInt(j.seed) || !isInt(j.runs) || j.runs < 1) return 'seed or runs is not a whole number';
  if (!isObj(sh) || !isInt(sh.k) || !isInt(sh.n) || sh.k < 1 || sh.k > sh.n) return 'shard is not {k, n} with 1 <= k <= n';
  if (!Array.isArray(blocks) || blocks.length !== 2 || !isInt(blocks[0]) || !isInt(blocks[1]) || blocks[0] < 0 || blocks[1] < blocks[0]) return 'blocks is not [first, end)';
  if (!isObj(j.overrides)) return 'overrides is not a mapping';
  if (!isObj(s) || s.hash !== j.scenario_hash || !Array.isArray(s.actors) || !Array.isArray(s.issues) || !Array.isArray(s.measures) || !isInt(s.rounds)) {
    return 'the scenario it carries is incomplete or does not match its scenario_hash';
  }
  const scenario = s as unknown as Scenario;
  const shape = newTally(scenario);
  const t = j.tally;
  if (!isObj(t) || !isInt(t.runs) || !isInt(t.decisions)) return 'tally.runs or tally.decisions is missing';
  const tally = { runs: t.runs, decisions: t.decisions } as Tally;
  for (const k of TALLY_ARRAYS) {
    const want = (shape[k] as Float64Array).length;
    if (!isNums(t[k], want)) return `tally.${k} is not ${want} numbers`;
    (tally as unknown as Record<string, Float64Array>)[k] = Float64Array.from(t[k] as number[]);
  }
  const nBlocks = (blocks[1] as number) - (blocks[0] as number);
  const pb = j.per_block;
  if (!isObj(pb)) return 'per_block is missing';
  const perBlock: PartialTally['perBlock'] = [];
  for (let b = 0; b < nBlocks; b++) perBlock.push({} as PartialTally['perBlock'][number]);
  for (const k of ORDER_SENSITIVE) {
    const rows = pb[k];
    const want = shape[k].length;
    if (!Array.isArray(rows) || rows.length !== nBlocks || !rows.every((r) => isNums(r, want))) return `per_block.${k} is not ${nBlocks} rows of ${want} numbers`;
    rows.forEach((r, b) => { perBlock[b][k] = Float64Array.from(r as number[]); });
  }
  return {
    negsim: j.negsim, rng: j.rng, scenario, overrides: j.overrides as Overrides, seed: j.seed, runs: j.runs,
    shard: { k: sh.k as number, n: sh.n as number },
    partial: { blocks: [blocks[0] as number, blocks[1] as number], tally, perBlock },
  };
}

/**
 * What keeps `parts` (named by their files) from merging into one Monte Carlo: different scenario hash,
 * overrides, seed, runs, rng or negsim version; overlapping slices; or blocks no part covers (said as
 * the runs missing, and the shards that would have played them when all parts agree on N). Empty if
 * none. Parts are returned in block order by `orderParts`.
 */
export function checkPartSet(parts: readonly { name: string; part: Part }[], blockCount: (runs: number) => number, blockSize: number): string[] {
  const problems: string[] = [];
  if (parts.length === 0) return ['no part files given'];
  const first = parts[0];
  const same: [string, (p: Part) => string][] = [
    ['scenario (sha256 of the file)', (p) => p.scenario.hash],
    ['overrides (--set)', (p) => JSON.stringify(p.overrides)],
    ['seed', (p) => String(p.seed)],
    ['total runs', (p) => String(p.runs)],
    ['random number generator', (p) => p.rng],
    ['negsim version', (p) => p.negsim],
  ];
  for (const [what, key] of same) {
    const want = key(first.part);
    for (const q of parts.slice(1)) {
      if (key(q.part) !== want) problems.push(`${q.name} and ${first.name} differ in ${what}: ${short(key(q.part))} vs ${short(want)}; parts of one result share it`);
    }
  }
  if (problems.length > 0) return problems;
  const runs = first.part.runs;
  const nBlocks = blockCount(runs);
  const sorted = orderParts(parts);
  const runsOf = (b: number) => Math.min(runs, b * blockSize);
  const seenShard = new Map<string, string>();
  for (const q of sorted) {
    const key = `${q.part.shard.k}/${q.part.shard.n}`;
    const prev = seenShard.get(key);
    if (prev !== undefined) problems.push(`${q.name} and ${prev} are both shard ${key}`);
    seenShard.set(key, q.name);
    if (q.part.partial.blocks[1] > nBlocks) problems.push(`${q.name} covers blocks beyond the ${nBlocks} of ${runs} runs`);
  }
  let covered = 0;
  let prevName = '';
  const missing: [number, number][] = [];
  for (const q of sorted) {
    const [b0, b1] = q.part.partial.blocks;
    if (b0 === b1) continue;
    if (b0 < covered) problems.push(`${q.name} (runs ${runsOf(b0)}..${runsOf(b1) - 1}) overlaps ${prevName} (runs up to ${runsOf(covered) - 1})`);
    else if (b0 > covered) missing.push([covered, b0]);
    covered = Math.max(covered, b1);
    prevName = q.name;
  }
  if (covered < nBlocks) missing.push([covered, nBlocks]);
  if (missing.length > 0) {
    const ns = new Set(parts.map((q) => q.part.shard.n));
    let which = '';
    if (ns.size === 1) {
      const n = first.part.shard.n;
      const have = new Set(parts.map((q) => q.part.shard.k));
      const lacking = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !have.has(k));
      if (lacking.length > 0) which = `; shard${lacking.length === 1 ? '' : 's'} ${lacking.map((k) => `${k}/${n}`).join(', ')} ${lacking.length === 1 ? 'is' : 'are'} missing`;
    }
    problems.push(`the parts do not cover all ${runs} runs: runs ${missing.map(([a, b]) => `${runsOf(a)}..${runsOf(b) - 1}`).join(', ')} are in no part${which}`);
  }
  return problems;
}

/** Parts in block order (empty slices where they fall). */
export function orderParts<T extends { part: Part }>(parts: readonly T[]): T[] {
  return [...parts].sort((a, b) => a.part.partial.blocks[0] - b.part.partial.blocks[0] || a.part.partial.blocks[1] - b.part.partial.blocks[1]);
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 12)}…` : s;
}
