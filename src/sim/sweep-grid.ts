/**
 * The grid of a parameter sweep (`negsim sweep --vary path=from:to:step`): each `--vary` gives the values
 * from, from + step, ..., to of one scenario number, and the grid is their Cartesian product, the first
 * `--vary` changing slowest (as nested loops, and as NetLogo BehaviorSpace lists its runs).
 *
 * Rules, decided here so that a typo cannot start a sweep of a million points:
 *   - from <= to and step > 0 (from == to is one value, whatever the step);
 *   - the step must divide the range: (to - from) / step within 1e-9 of a whole number k, so the last
 *     value is `to` itself (a step of 0.3 over 0..1 is refused, not silently stopped at 0.9);
 *   - value i is from + i * step rounded to 12 significant digits (so 0.1 + 2 * 0.1 reads 0.3, not
 *     0.30000000000000004), and the last is `to` exactly;
 *   - at most MAX_SWEEP_POINTS points in the whole grid, and no path varied twice.
 * Whether each value is allowed for its path (its range) is `--set`'s check (scenario/override.ts), made
 * for every value before anything runs.
 *
 * @example
 * parseVary('model.lambda=5:25:10') // {path: 'model.lambda', from: 5, to: 25, step: 10, values: [5, 15, 25]}
 * sweepGrid([[1, 2], [10, 20, 30]])  // [[1, 10], [1, 20], [1, 30], [2, 10], [2, 20], [2, 30]]
 */

/** The most points a sweep may have: each is a whole Monte Carlo. */
export const MAX_SWEEP_POINTS = 10_000;

/** How far (to - from) / step may be from a whole number and still count as dividing the range. */
const DIVIDES_TOLERANCE = 1e-9;

export interface Vary {
  path: string;
  from: number;
  to: number;
  step: number;
  values: number[];
}

/** A `--vary` that cannot be read: the message says what is wrong and how to write it. */
export class VaryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VaryError';
  }
}

const EXAMPLE = "e.g. --vary actors.snc.beliefs.gov.sincere=0.1:0.9:0.2 (path=from:to:step)";

/** Read `path=from:to:step` into its values; a VaryError if it does not follow the rules above. */
export function parseVary(arg: string): Vary {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new VaryError(`--vary ${arg}: expected path=from:to:step, ${EXAMPLE}`);
  const path = arg.slice(0, eq).trim();
  const parts = arg.slice(eq + 1).split(':').map((x) => x.trim());
  const nums = parts.map((x) => (x === '' ? NaN : Number(x)));
  if (parts.length !== 3 || !nums.every(Number.isFinite)) {
    throw new VaryError(`--vary ${arg}: the values must be three numbers from:to:step, ${EXAMPLE}`);
  }
  const [from, to, step] = nums;
  if (from > to) throw new VaryError(`--vary ${arg}: from (${from}) is above to (${to}); write the lower value first`);
  if (!(step > 0)) throw new VaryError(`--vary ${arg}: the step must be above 0`);
  const k = (to - from) / step;
  const whole = Math.round(k);
  if (Math.abs(k - whole) > DIVIDES_TOLERANCE * Math.max(1, Math.abs(k))) {
    throw new VaryError(`--vary ${arg}: the step ${step} does not divide the range ${from}..${to} ` +
      `((to - from) / step = ${Number(k.toPrecision(6))}); choose a step that ends exactly at ${to}`);
  }
  if (whole + 1 > MAX_SWEEP_POINTS) {
    throw new VaryError(`--vary ${arg}: ${whole + 1} values, more than the ${MAX_SWEEP_POINTS} points a sweep may have; take a larger step`);
  }
  const values: number[] = [];
  for (let i = 0; i < whole; i++) values.push(Number((from + i * step).toPrecision(12)));
  values.push(to);
  return { path, from, to, step, values };
}

/** Read every `--vary`; refuses none, a path given twice, or a grid above MAX_SWEEP_POINTS. */
export function parseVaries(args: readonly string[]): Vary[] {
  if (args.length === 0) throw new VaryError(`sweep needs at least one --vary, ${EXAMPLE}`);
  const varies = args.map(parseVary);
  const seen = new Set<string>();
  for (const v of varies) {
    if (seen.has(v.path)) throw new VaryError(`--vary ${v.path} is given twice; give each path one --vary`);
    seen.add(v.path);
  }
  const points = gridSize(varies.map((v) => v.values.length));
  if (points > MAX_SWEEP_POINTS) {
    throw new VaryError(`the grid has ${points} points (${varies.map((v) => v.values.length).join(' x ')}), ` +
      `more than the ${MAX_SWEEP_POINTS} a sweep may have; take larger steps or vary fewer numbers`);
  }
  return varies;
}

/** The product of the value counts. */
export function gridSize(counts: readonly number[]): number {
  return counts.reduce((a, b) => a * b, 1);
}

/** Every combination of values, the first axis changing slowest. */
export function sweepGrid(axes: readonly (readonly number[])[]): number[][] {
  let points: number[][] = [[]];
  for (const axis of axes) {
    const next: number[][] = [];
    for (const p of points) for (const v of axis) next.push([...p, v]);
    points = next;
  }
  return points;
}
