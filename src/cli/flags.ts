/**
 * Flag checks and run-count defaults shared by the commands, in a module that loads nothing else, so
 * that a command which needs no scenario (forecast on a CSV) does not load the scenario loader to
 * check a number (src/cli/main.ts, start-up).
 */
import { availableParallelism } from 'node:os';
import { MAX_RUNS } from '../scenario/limits.js';
import { UserError } from './user-error.js';

export { MAX_RUNS };
export const DEFAULT_RUNS = 10_000;
export const DEFAULT_SEED = 1;

/** A whole number within [min, max], or a UserError naming the flag. */
export function intFlag(name: string, value: unknown, min: number, max: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UserError(`--${name} must be a whole number from ${min} to ${max}; got '${String(value)}'. Example: --${name} ${Math.max(min, Math.min(max, 1000))}`);
  }
  return n;
}

export function workersFlag(value: unknown): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  try {
    return intFlag('workers', value, 1, 256);
  } catch {
    throw new UserError(`--workers must be a whole number from 1 to 256, or auto (one per core); got '${String(value)}'. Example: --workers 2`);
  }
}

/**
 * --workers as a thread count, at most the cores of this machine: each thread beyond them adds its start-up
 * and memory (a worker's heap) and no speed, since the results are the same bytes for any count. Asking
 * for more is not an error; it is capped with a note on stderr (unless quiet).
 */
export function workersOption(value: unknown, io: { err: (text: string) => void }, quiet?: boolean): number {
  const asked = workersFlag(value);
  const cores = Math.max(1, availableParallelism());
  if (asked === 'auto') return cores;
  if (asked > cores) {
    if (!quiet) io.err(`negsim: --workers ${asked} is more than this machine's ${cores} core${cores === 1 ? '' : 's'}; using ${cores} (more threads would only cost start-up time and memory; the results are the same)\n`);
    return cores;
  }
  return asked;
}
