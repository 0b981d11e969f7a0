/**
 * The options every Monte Carlo of the library takes, checked at the edge: a whole number of runs
 * within the limit, a whole seed, a thread count. Out of range is an OptionError naming the option.
 */
import { availableParallelism } from 'node:os';
import { MAX_RUNS } from '../scenario/limits.js';
import { OptionError } from './errors.js';

export { MAX_RUNS };
export const DEFAULT_RUNS = 10_000;
export const DEFAULT_SEED = 1;
/** Most worker threads asked for; a count above the machine's cores is capped to them. */
export const MAX_WORKERS = 256;

/** What a Monte Carlo plays: how many runs, of which seed, on how many threads. */
export interface RunOptions {
  /** Runs to play (default 10,000; at most 100,000,000). */
  runs?: number;
  /** Master seed (default 1): run r draws only from the generator seeded from (seed, r). */
  seed?: number;
  /**
   * Threads that play runs (default 'auto': one per core). The results are the same bytes for any
   * count; more than the machine's cores are capped to them (they would only cost start-up and memory).
   */
  workers?: number | 'auto';
}

/** A whole number within [min, max], or an OptionError naming `name`. */
export function wholeOption(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new OptionError(name, `${name} must be a whole number from ${min} to ${max}; got ${String(value)}`);
  }
  return value;
}

export function runsOption(value: number | undefined, name = 'runs'): number {
  return wholeOption(name, value ?? DEFAULT_RUNS, 1, MAX_RUNS);
}

export function seedOption(value: number | undefined): number {
  return wholeOption('seed', value ?? DEFAULT_SEED, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
}

/** 'auto' (or nothing): one thread per core; a number: at most the cores. */
export function workersOption(value: number | 'auto' | undefined): number {
  const cores = Math.max(1, availableParallelism());
  if (value === undefined || value === 'auto') return cores;
  return Math.min(cores, wholeOption('workers', value, 1, MAX_WORKERS));
}

/** A precision: the half-width, in (0, 0.5), that every headline 95% interval must reach. */
export function precisionOption(value: number): number {
  if (typeof value !== 'number' || !(Number.isFinite(value) && value > 0 && value < 0.5)) {
    throw new OptionError('precision', `precision must be a half-width between 0 and 0.5 (a probability); got ${String(value)}`);
  }
  return value;
}
