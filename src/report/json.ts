/**
 * The summary as JSON (what `negsim run --json` prints). Numbers that are undefined for this scenario or
 * run count (a mean over no agreements) are written as null, since JSON has no NaN.
 */
import type { Summary } from '../stats/summary.js';

/**
 * Any negsim output as JSON: indented by two spaces, a newline at the end, non-finite numbers (NaN, a mean
 * over nothing) as null. What every `--json` prints (run, merge, compare, sweep, backtest).
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

export function summaryJson(s: Summary): string {
  return jsonText(s);
}
