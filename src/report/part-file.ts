/**
 * The partial result of a shard (`negsim run --shard k/N --out part-k.json`), as JSON: everything
 * `negsim merge` needs to rebuild, without the scenario file, exactly what `negsim run` prints — the
 * resolved scenario (with its overrides applied), its file's sha256, seed, total runs, rng, negsim
 * version, the slice, and the slice's tally with its order-sensitive sums per block (partial-tally.ts).
 *
 * Numbers are written by JSON.stringify, whose shortest round-trip form reads back to the same double,
 * so a part loses nothing. Parts come from other machines and are as untrusted as scenario files:
 * `parsePart` refuses, before anything is merged and naming the field, text with control, bidirectional
 * or invisible characters (scenario/text.ts, the loader's rule), a scenario whose ids, roles, counts or
 * measures are not what a loaded scenario has, a slice other than its shard's, and a tally that could not
 * have come from its runs (stats/tally-check.ts: counts whole and >= 0, outcomes summing to the runs, ...).
 */
import type { Overrides } from '../scenario/override.js';
import type { MeasureKind, Scenario } from '../scenario/types.js';
import { ORDER_SENSITIVE, type PartialTally } from '../stats/partial-tally.js';
import { newTally, type Tally } from '../stats/tally.js';
import { dealSumsProblem, tallyProblem } from '../stats/tally-check.js';
import { codePoint, textProblem } from '../scenario/text.js';
import { MAX_ACTORS, MAX_ISSUES, MAX_MEASURE_SIDES, MAX_MEASURES, MAX_PARTIES, MAX_ROUNDS, MAX_RUNS } from '../scenario/limits.js';
import { blockRuns, shardBlocks } from '../sim/shard.js';
import { AGREEMENT } from '../sim/run-record.js';

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
const ID = /^[a-z][a-z0-9_]*$/;
const SCENARIO_ID = /^[a-z0-9][a-z0-9_-]*$/;
/** Longer than any id or name a scenario file could give (its keys are at most 1024 characters). */
const MAX_NAME = 1024;
const ROLES = ['party', 'sponsor', 'mediator'];
const KINDS: readonly MeasureKind[] = ['ceasefire', 'exchange', 'concession'];
/** More observed questions than any file holds: a tally counts each. */
const MAX_QUESTIONS = 1000;

/** A part read from its JSON text, or what is wrong with it (a sentence naming the field). */
export function parsePart(text: string): Part | string {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    return `not JSON (${(e as Error).message})`;
  }
  if (!isObj(j) || j.format !== PART_FORMAT) return `not a negsim part file (no "format": "${PART_FORMAT}"); parts are written by negsim run --shard k/N --out FILE`;
  if (j.format_version !== PART_FORMAT_VERSION) return `part format version ${String(j.format_version)}, this negsim reads version ${PART_FORMAT_VERSION}`;
  // Text first: nothing below quotes a string from the file before it is known to be printable.
  const bad = textProblem(withoutSourceText(j));
  if (bad) return `${fieldPath(bad.path)}: the text holds the ${bad.kind} ${codePoint(bad.char)}; a part written by negsim never does`;
  const sh = j.shard, blocks = j.blocks, s = j.scenario;
  for (const k of ['negsim', 'rng'] as const) {
    if (typeof j[k] !== 'string' || !/^[A-Za-z0-9._+-]{1,64}$/.test(j[k] as string)) return `${k} is missing or not a version or generator name`;
  }
  if (typeof j.scenario_hash !== 'string' || !/^[0-9a-f]{64}$/.test(j.scenario_hash)) return 'scenario_hash is not a sha256 (64 hex digits)';
  if (!isInt(j.seed)) return 'seed is not a whole number';
  if (!isInt(j.runs) || j.runs < 1 || j.runs > MAX_RUNS) return `runs is not a whole number from 1 to ${MAX_RUNS}`;
  if (!isObj(sh) || !isInt(sh.k) || !isInt(sh.n) || sh.k < 1 || sh.k > sh.n || sh.n > MAX_SHARDS) return `shard is not {k, n} with 1 <= k <= n <= ${MAX_SHARDS}`;
  if (!Array.isArray(blocks) || blocks.length !== 2 || !isInt(blocks[0]) || !isInt(blocks[1])) return 'blocks is not [first, end)';
  const want = shardBlocks(j.runs, sh.k, sh.n);
  if (blocks[0] !== want[0] || blocks[1] !== want[1]) {
    return `blocks is [${blocks[0]}, ${blocks[1]}), but shard ${sh.k}/${sh.n} of ${j.runs} runs plays blocks [${want[0]}, ${want[1]})`;
  }
  const overrides = overridesProblem(j.overrides);
  if (overrides) return overrides;
  if (!isObj(s)) return 'scenario is missing';
  if (s.hash !== j.scenario_hash) return 'scenario.hash does not match scenario_hash';
  const sp = scenarioProblem(s);
  if (sp) return `scenario.${sp}`;
  const scenario = s as unknown as Scenario;
  const shape = newTally(scenario);
  const t = j.tally;
  if (!isObj(t) || typeof t.runs !== 'number' || typeof t.decisions !== 'number') return 'tally.runs or tally.decisions is missing';
  const tally = { runs: t.runs, decisions: t.decisions } as Tally;
  for (const k of TALLY_ARRAYS) {
    const n = (shape[k] as Float64Array).length;
    if (!isNums(t[k], n)) return `tally.${k} is not ${n} finite numbers`;
    (tally as unknown as Record<string, Float64Array>)[k] = Float64Array.from(t[k] as number[]);
  }
  const [first, end] = blockRuns(j.runs, want);
  const tp = tallyProblem(tally, scenario, end - first);
  if (tp) return `tally.${tp}`;
  const nBlocks = want[1] - want[0];
  const pb = j.per_block;
  if (!isObj(pb)) return 'per_block is missing';
  const perBlock: PartialTally['perBlock'] = [];
  for (let b = 0; b < nBlocks; b++) perBlock.push({} as PartialTally['perBlock'][number]);
  for (const k of ORDER_SENSITIVE) {
    const rows = pb[k];
    const n = shape[k].length;
    if (!Array.isArray(rows) || rows.length !== nBlocks || !rows.every((r) => isNums(r, n))) return `per_block.${k} is not ${nBlocks} rows of ${n} finite numbers`;
    rows.forEach((r, b) => { perBlock[b][k] = Float64Array.from(r as number[]); });
  }
  for (let b = 0; b < nBlocks; b++) {
    const [r0, r1] = blockRuns(j.runs, [want[0] + b, want[0] + b + 1]);
    const dp = dealSumsProblem(perBlock[b].dealSum, perBlock[b].dealSumSq, Math.min(r1 - r0, tally.outcomes[AGREEMENT]), 'deal');
    if (dp) return `per_block[${b}]: ${dp}`;
  }
  return {
    negsim: j.negsim as string, rng: j.rng as string, scenario, overrides: j.overrides as Overrides, seed: j.seed, runs: j.runs,
    shard: { k: sh.k, n: sh.n },
    partial: { blocks: want, tally, perBlock },
  };
}

/** `['scenario', 'actors', 1, 'name']` -> `scenario.actors[1].name`. */
function fieldPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${p}`)).join('');
}

/** At most this many shards: as parseShardFlag allows. */
export const MAX_SHARDS = 1_000_000;

/**
 * The part without its scenario's source text: the article the quotes come from, carried for nothing
 * merge prints, in whatever script it was written (its characters are the article's, not names).
 */
function withoutSourceText(j: Record<string, unknown>): Record<string, unknown> {
  const s = j.scenario;
  if (!isObj(s) || !isObj(s.source) || !('text' in s.source)) return j;
  const { text: _text, ...source } = s.source;
  return { ...j, scenario: { ...s, source } };
}

/** overrides: a mapping from `--set` paths to a number or an uncertain value ({kind: [numbers]}). */
function overridesProblem(o: unknown): string | undefined {
  if (!isObj(o)) return 'overrides is not a mapping';
  for (const [path, v] of Object.entries(o)) {
    if (!/^[a-z0-9_]+(\.[a-z0-9_]+)*$/.test(path) || path.length > MAX_NAME) return `overrides: '${path.slice(0, 60)}' is not a --set path`;
    const ok = (typeof v === 'number' && Number.isFinite(v)) ||
      (isObj(v) && Object.keys(v).length === 1 && Array.isArray(Object.values(v)[0]) && (Object.values(v)[0] as unknown[]).every((x) => typeof x === 'number' && Number.isFinite(x)));
    if (!ok) return `overrides.${path} is not a number or an uncertain value`;
  }
  return undefined;
}

/** What merge reads of the scenario a part carries, checked as the scenario loader checks it. */
function scenarioProblem(s: Record<string, unknown>): string | undefined {
  if (typeof s.id !== 'string' || !SCENARIO_ID.test(s.id) || s.id.length > MAX_NAME) return 'id is not a scenario id';
  for (const k of ['title', 'file'] as const) {
    if (typeof s[k] !== 'string' || (s[k] as string).length > 4 * MAX_NAME) return `${k} is not a text`;
  }
  if (!isInt(s.rounds) || s.rounds < 1 || s.rounds > MAX_ROUNDS) return `rounds is not a whole number from 1 to ${MAX_ROUNDS}`;
  if (!isInt(s.window) || s.window < 0 || s.window > MAX_ROUNDS) return `window is not a whole number from 0 to ${MAX_ROUNDS}`;
  if (s.observed !== undefined) {
    const o = s.observed;
    if (!isObj(o) || !Array.isArray(o.questions) || o.questions.length > MAX_QUESTIONS) return `observed.questions is not a list of at most ${MAX_QUESTIONS}`;
  }
  const list = (k: string, min: number, max: number): unknown[] | string => {
    const v = s[k];
    return Array.isArray(v) && v.length >= min && v.length <= max ? v : `${k} is not a list of ${min} to ${max}`;
  };
  const issues = list('issues', 1, MAX_ISSUES);
  if (typeof issues === 'string') return issues;
  const actors = list('actors', 1, MAX_ACTORS);
  if (typeof actors === 'string') return actors;
  const measures = list('measures', 0, MAX_MEASURES);
  if (typeof measures === 'string') return measures;
  const ids = new Set<string>();
  const named = (v: unknown, where: string): string | undefined => {
    if (!isObj(v) || typeof v.id !== 'string' || !ID.test(v.id) || v.id.length > MAX_NAME) return `${where}.id is not an id`;
    if (ids.has(v.id)) return `${where}.id '${v.id}' is used twice`;
    ids.add(v.id);
    return undefined;
  };
  for (let i = 0; i < issues.length; i++) {
    const p = named(issues[i], `issues[${i}]`);
    if (p) return p;
  }
  ids.clear();
  for (let i = 0; i < actors.length; i++) {
    const a = actors[i] as Record<string, unknown>;
    const p = named(a, `actors[${i}]`);
    if (p) return p;
    if (typeof a.name !== 'string' || a.name.length > MAX_NAME) return `actors[${i}].name is not a name`;
    if (!ROLES.includes(a.role as string)) return `actors[${i}].role is not one of ${ROLES.join(', ')}`;
    if (typeof a.essential !== 'boolean') return `actors[${i}].essential is not true or false`;
  }
  if (actors.filter((a) => (a as { role: string }).role === 'party').length > MAX_PARTIES) return `actors: more than ${MAX_PARTIES} parties`;
  ids.clear();
  const actor = (v: unknown) => isInt(v) && v >= 0 && v < actors.length;
  for (let i = 0; i < measures.length; i++) {
    const m = measures[i] as Record<string, unknown>;
    const p = named(m, `measures[${i}]`);
    if (p) return p;
    if (!(KINDS as readonly unknown[]).includes(m.kind)) return `measures[${i}].kind is not one of ${KINDS.join(', ')}`;
    const sides = m.sides;
    if (!Array.isArray(sides) || sides.length < 1 || sides.length > MAX_MEASURE_SIDES || !sides.every(actor) || new Set(sides).size !== sides.length) {
      return `measures[${i}].sides is not 1 to ${MAX_MEASURE_SIDES} different actors`;
    }
    if (!actor(m.offeredBy)) return `measures[${i}].offeredBy is not an actor`;
  }
  return undefined;
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
