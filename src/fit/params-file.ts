/**
 * The file `negsim fit --out F` writes and `--params F` reads: the fitted model parameters with how they
 * were fitted (negsim's version, seed, runs, the record's cases and their sha256, the objective before and
 * after, the search, each value's interval). JSON, so a person can read it and a script can use it.
 *
 * Only `format` and `parameters.KEY.value` are read back; the rest says where the values came from.
 * Reading checks what a hand-edited file could get wrong: JSON, the format, each key a `model:` key,
 * each value a finite number in the key's range.
 *
 * @example
 * {
 *   "format": "negsim-params/1",
 *   "negsim": "0.1.0", "seed": 1, "runs": 300, ...
 *   "parameters": { "lambda": { "value": 14.2, "lo": 9.8, "hi": 21.5, "identified": true, ... }, ... }
 * }
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { nearest } from '../scenario/nearest.js';
import { MODEL_KEYS, MODEL_SHARED_KEYS } from '../scenario/resolve.js';
import { RANGE } from '../scenario/schema.js';
import type { Scenario } from '../scenario/types.js';
import { jsonText } from '../report/json.js';
import type { ParameterInterval } from './intervals.js';
import type { FitParameter } from './parameters.js';

export const PARAMS_FORMAT = 'negsim-params/1';

export interface RecordCase {
  id: string;
  file: string;
  sha256: string;
  questions: number;
}

/** The cases fitted on, and one hash of them all. */
export interface RecordId {
  /** sha256 of the lines `sha256  file` of the cases, sorted (as sha256sum prints them). */
  sha256: string;
  questions: number;
  cases: RecordCase[];
}

export function recordId(cases: readonly Scenario[]): RecordId {
  const list = cases.map((s) => ({ id: s.id, file: basename(s.file), sha256: s.hash, questions: s.observed?.questions.length ?? 0 }));
  const lines = list.map((c) => `${c.sha256}  ${c.file}\n`).sort().join('');
  return {
    sha256: createHash('sha256').update(lines).digest('hex'),
    questions: list.reduce((s, c) => s + c.questions, 0),
    cases: list,
  };
}

export interface ParamsFile {
  format: typeof PARAMS_FORMAT;
  negsim: string;
  rng: string;
  seed: number;
  runs: number;
  record: RecordId;
  objective: { what: string; start: number; fitted: number };
  search: { method: string; evaluations: number; maxEvaluations: number; converged: boolean };
  intervals: { method: string; level: number; replicates: number; h: number };
  parameters: Record<string, Omit<ParameterInterval, 'key'> & { start: number; bounds: [number, number]; scale: FitParameter['scale'] }>;
}

export function paramsJson(p: ParamsFile): string {
  return jsonText(p);
}

/** A params file's values, or what is wrong with it (a sentence naming the file). */
export function readParams(text: string, path: string): { values: Record<string, number> } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { problem: `${path} is not JSON (${(e as Error).message}); give the file negsim fit --out wrote` };
  }
  const obj = data as Record<string, unknown> | null;
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return { problem: `${path}: expected a JSON object as negsim fit --out writes it` };
  if (obj.format !== PARAMS_FORMAT) {
    return { problem: `${path}: format is ${JSON.stringify(obj.format ?? null)}, expected "${PARAMS_FORMAT}" (a file written by negsim fit --out)` };
  }
  const params = obj.parameters as Record<string, unknown> | undefined;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return { problem: `${path}: no "parameters" object` };
  const keys = [...MODEL_KEYS.map(([k, , , r]) => [k, r] as const), ...MODEL_SHARED_KEYS.map(([k, , , r]) => [k, r] as const)];
  const values: Record<string, number> = {};
  for (const [key, entry] of Object.entries(params)) {
    const known = keys.find(([k]) => k === key);
    if (!known) {
      const n = nearest(key, keys.map(([k]) => k));
      return { problem: `${path}: parameters.${key} is not a model parameter${n ? `; did you mean ${n}?` : ''} (model keys: ${keys.map(([k]) => k).join(', ')})` };
    }
    const v = (entry as { value?: unknown } | null)?.value;
    const [min, max] = RANGE[known[1]];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      return { problem: `${path}: parameters.${key}.value must be a number in [${min}, ${max}], got ${JSON.stringify(v ?? null)}` };
    }
    values[key] = v;
  }
  return { values };
}
