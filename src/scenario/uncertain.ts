/**
 * Uncertain numbers as written (`0.5`, `{normal: [50, 10]}`, ...): one clear explanation of what is
 * wrong with one, and the conversion to a `Distribution`.
 *
 * The schema lets Ajv check the shape, but Ajv's report for a failed `anyOf` is a pile of five
 * half-relevant complaints; `explainUncertain` replaces the pile with one message. It also checks
 * what the schema cannot: lo <= hi, lo <= mode <= hi, and that the distribution can land in the
 * field's range at all (docs/SCENARIO.md, "Numbers").
 */
import type { Distribution } from './types.js';
import { DISTRIBUTION_KEYS, type Range } from './schema.js';
import { didYouMean } from './nearest.js';

export interface Problem {
  message: string;
  hint?: string;
}

const ARITY: Record<(typeof DISTRIBUTION_KEYS)[number], string[]> = {
  normal: ['mean', 'sd'],
  uniform: ['lo', 'hi'],
  triangular: ['lo', 'mode', 'hi'],
  beta: ['a', 'b'],
};

const LIKE = 'a number or an uncertain value like {uniform: [lo, hi]}';

/** A few words saying what kind of YAML/JSON value `v` is. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing (an empty value)';
  if (typeof v === 'string') return `a string ('${v.length > 40 ? `${v.slice(0, 39)}…` : v}')`;
  if (typeof v === 'number') return Number.isFinite(v) ? `the number ${v}` : `the non-finite number ${v}`;
  if (typeof v === 'boolean') return `${v} (a boolean)`;
  if (Array.isArray(v)) return 'a list';
  return 'a mapping';
}

/** `[lo, hi]` as written in messages. */
export function fmtRange(r: Range): string {
  return `[${r[0]}, ${r[1]}]`;
}

/**
 * What is wrong with `v` as a value of a field `label` of range `range`, or undefined if nothing.
 * `allowBeta` is false for fields whose range is not within [0, 1].
 *
 * @example explainUncertain(1.5, [0, 1], 'capability')
 *   // {message: 'capability must be within [0, 1]; got 1.5'}
 */
export function explainUncertain(v: unknown, range: Range, label: string): Problem | undefined {
  const [min, max] = range;
  const allowBeta = min >= 0 && max <= 1;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { message: `${label} must be a finite number; got ${v}` };
    if (v < min || v > max) return { message: `${label} must be within ${fmtRange(range)}; got ${v}` };
    return undefined;
  }
  if (typeof v === 'string') {
    const t = v.trim();
    let hint: string | undefined;
    if (t !== '' && Number.isFinite(Number(t))) hint = `remove the quotes: ${label.split('.').pop()}: ${t}`;
    else if (/^-?\d+(\.\d+)?\s*%$/.test(t)) hint = max <= 1 ? `write a fraction: ${Number(t.replace('%', '')) / 100}` : 'write the number without %';
    else if (/^\s*-?\d+(\.\d+)?\s*(-|to|\.\.)\s*-?\d+(\.\d+)?\s*$/.test(t)) {
      const [lo, hi] = t.split(/\s*(?:-(?=\s*\d)|to|\.\.)\s*/).map(Number);
      hint = `for a range write {uniform: [${lo}, ${hi}]}`;
    }
    return { message: `${label}: expected ${LIKE}, got ${describeValue(v)}`, hint };
  }
  if (v === null || v === undefined) {
    return { message: `${label}: expected ${LIKE}, got ${describeValue(v)}`, hint: `write a value after '${label.split('.').pop()}:'` };
  }
  if (typeof v === 'boolean') return { message: `${label}: expected ${LIKE}, got ${describeValue(v)}` };
  if (Array.isArray(v)) {
    const hint = v.length === 2 && v.every((x) => typeof x === 'number')
      ? `for a range write {uniform: [${v[0]}, ${v[1]}]}`
      : undefined;
    return { message: `${label}: expected ${LIKE}, got a list`, hint };
  }
  if (typeof v !== 'object') return { message: `${label}: expected ${LIKE}, got ${describeValue(v)}` };
  const keys = Object.keys(v);
  const kinds = allowBeta ? DISTRIBUTION_KEYS : DISTRIBUTION_KEYS.filter((k) => k !== 'beta');
  const usage = 'use one of {normal: [mean, sd]}, {uniform: [lo, hi]}, {triangular: [lo, mode, hi]}' + (allowBeta ? ', {beta: [a, b]}' : '');
  if (keys.length !== 1) {
    return keys.length === 0
      ? { message: `${label}: an uncertain value needs a distribution, got an empty mapping`, hint: usage }
      : { message: `${label}: an uncertain value has exactly one key (the distribution), got ${keys.map((k) => `'${k}'`).join(', ')}`, hint: usage };
  }
  const kind = keys[0];
  if (!(DISTRIBUTION_KEYS as readonly string[]).includes(kind)) {
    return { message: `${label}: unknown distribution '${kind}'`, hint: didYouMean(kind, kinds) ?? usage };
  }
  if (kind === 'beta' && !allowBeta) {
    return {
      message: `${label}: beta is only allowed on fields within [0, 1]; this one is within ${fmtRange(range)}`,
      hint: 'use {uniform: [lo, hi]} or {triangular: [lo, mode, hi]}',
    };
  }
  const names = ARITY[kind as keyof typeof ARITY];
  const args = (v as Record<string, unknown>)[kind];
  if (!Array.isArray(args) || args.length !== names.length || !args.every((x) => typeof x === 'number')) {
    return { message: `${label}: ${kind} takes [${names.join(', ')}] (${names.length} numbers); got ${shortJson(args)}` };
  }
  const a = args as number[];
  if (!a.every(Number.isFinite)) return { message: `${label}: the parameters of ${kind} must be finite numbers` };
  const w = `[${a.join(', ')}]`;
  switch (kind) {
    case 'normal': {
      const [mean, sd] = a;
      if (!(sd > 0)) return { message: `${label}: normal sd must be > 0; got ${sd}`, hint: sd === 0 ? `for a fixed value write ${mean}` : undefined };
      if (mean < min || mean > max) return { message: `${label}: the normal's mean ${mean} lies outside the range ${fmtRange(range)}` };
      return undefined;
    }
    case 'uniform': {
      const [lo, hi] = a;
      if (lo > hi) return { message: `${label}: uniform needs lo <= hi; got ${w}`, hint: `swap them: {uniform: [${hi}, ${lo}]}` };
      if (hi < min || lo > max) return { message: `${label}: uniform ${w} lies wholly outside the range ${fmtRange(range)}` };
      return undefined;
    }
    case 'triangular': {
      const [lo, mode, hi] = a;
      if (!(lo <= mode && mode <= hi)) return { message: `${label}: triangular needs lo <= mode <= hi; got ${w}`, hint: 'write it as [lo, mode, hi], the mode (most likely value) in the middle' };
      if (!(lo < hi)) return { message: `${label}: triangular needs lo < hi; got ${w}`, hint: `for a fixed value write ${lo}` };
      if (hi < min || lo > max) return { message: `${label}: triangular ${w} lies wholly outside the range ${fmtRange(range)}` };
      return undefined;
    }
    case 'beta': {
      const [pa, pb] = a;
      if (!(pa > 0 && pb > 0)) return { message: `${label}: beta needs a > 0 and b > 0; got ${w}` };
      return undefined;
    }
  }
  return undefined;
}

/**
 * The `Distribution` of a valid uncertain value (checked by explainUncertain first).
 *
 * @example toDistribution({triangular: [80, 95, 100]}) // {kind: 'triangular', lo: 80, mode: 95, hi: 100}
 */
export function toDistribution(v: unknown): Distribution {
  if (typeof v === 'number') return { kind: 'fixed', value: v };
  const o = v as Record<string, number[]>;
  if (o.normal) return { kind: 'normal', mean: o.normal[0], sd: o.normal[1] };
  if (o.uniform) return { kind: 'uniform', lo: o.uniform[0], hi: o.uniform[1] };
  if (o.triangular) return { kind: 'triangular', lo: o.triangular[0], mode: o.triangular[1], hi: o.triangular[2] };
  if (o.beta) return { kind: 'beta', a: o.beta[0], b: o.beta[1] };
  throw new Error(`toDistribution: not an uncertain value: ${JSON.stringify(v)}`);
}

/** A value as JSON for a message: at most 60 characters, and never a throw (cyclic or huge input). */
function shortJson(v: unknown): string {
  let s: string | undefined;
  try {
    s = JSON.stringify(v);
  } catch {
    s = Array.isArray(v) ? 'a list that contains itself' : 'a value that contains itself';
  }
  if (s === undefined) return 'nothing';
  return s.length <= 60 ? s : `${s.slice(0, 57)}...`;
}
