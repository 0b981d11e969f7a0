/**
 * Numbers as the report shows them to people, and as it stores them for machines.
 *
 * People: probabilities as percentages, one decimal from 1% up and two below (so 0.25% of runs does not
 * read as 0.3%, and a rare outcome is not rounded to nothing); an interval as `lo–hi` of the same kind.
 * Machines: `dataNumber` writes a number exactly as `negsim run --json` does (JSON.stringify, non-finite
 * as null), so a number read back from a `data-*` attribute equals the JSON's bit for bit.
 *
 * @example
 * percent(0.4663)          // '46.6%'
 * percent(0.0025)          // '0.25%'
 * interval(0.4565, 0.4761) // '45.7–47.6%'
 * dataNumber(0.0016939976111583204) // '0.0016939976111583204'
 */

export function percent(p: number): string {
  if (!Number.isFinite(p)) return '–';
  return `${percentDigits(p)}%`;
}

/** The number of a percentage without its sign, e.g. '46.6' for 0.4663. */
function percentDigits(p: number): string {
  const x = 100 * p;
  return Math.abs(x) < 1 && x !== 0 ? x.toFixed(2) : x.toFixed(1);
}

/** A 95% interval of probabilities, `lo–hi%`. */
export function interval(lo: number, hi: number): string {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return '–';
  return `${percentDigits(lo)}–${percentDigits(hi)}%`;
}

/** A difference of probabilities in percentage points, signed: '+3.2 pp', '−0.4 pp'. */
export function points(d: number): string {
  if (!Number.isFinite(d)) return '–';
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${percentDigits(Math.abs(d))} pp`;
}

/** A plain number with at most `digits` decimals and no trailing zeros: 0.15, 25, 0.333. */
export function plain(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '–';
  return String(Number(x.toFixed(digits)));
}

/** A number as JSON writes it (non-finite: null), for data-* attributes. */
export function dataNumber(x: number): string {
  return Number.isFinite(x) ? JSON.stringify(x) : 'null';
}
