/**
 * The summary as JSON (what `negsim run --json` prints). Numbers that are undefined for this scenario or
 * run count (a mean over no agreements) are written as null, since JSON has no NaN.
 */
import type { Summary } from '../stats/summary.js';

export function summaryJson(s: Summary): string {
  return JSON.stringify(s, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}
