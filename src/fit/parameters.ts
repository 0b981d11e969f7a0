/**
 * The parameters `negsim fit` fits: the `model:` keys every scenario shares, each with the bounds it is
 * searched within and the scale it is searched on. This table is the one place that says so; adding a
 * key to the fit is adding a row (the key must be a `model:` key of src/scenario/resolve.ts, which also
 * gives its default, the start of the search).
 *
 * The search runs on unbounded coordinates z (Nelder-Mead knows no bounds): a value x in [lo, hi] is
 * first put on [0, 1] — u = (x - lo) / (hi - lo) on the linear scale, (ln x - ln lo) / (ln hi - ln lo) on
 * the log scale — and then z = logit(u) = ln(u / (1 - u)). Every z is a value strictly inside the bounds,
 * so the fit never leaves them; near a bound the map flattens, so a value the data push against a bound
 * is reported close to it with an interval that reaches it. The log scale is for a rate that matters by
 * its ratio (lambda from 0.5 to 200: doubling it from 2 to 4 matters as much as from 50 to 100).
 *
 * Bounds are judgement: wide enough to hold every value an analyst would defend, narrow enough that the
 * model still means what docs/MODEL.md says (costs are on the utility scale, whose range is 1).
 *
 * @example
 * const lambda = fitParameter('lambda');
 * toSearch(lambda, 10)                     // 4.440892098500625e-16 (10 = sqrt(0.5 x 200): the middle on the log scale)
 * fromSearch(lambda, toSearch(lambda, 10)) // 10.000000000000002
 * startValue(lambda)                       // 60 (the model's default)
 * toSearch(fitParameter('miss')!, 0.2)     // -0.6931471805599451 (u = 1/3, logit = ln 0.5)
 */
import { MODEL_KEYS, MODEL_SHARED_KEYS } from '../scenario/resolve.js';

export interface FitParameter {
  /** The key in a scenario's `model:` block (and `--set model.KEY=`). */
  key: string;
  /** The search stays within [lo, hi]. */
  lo: number;
  hi: number;
  /** 'log': searched on ln x (lo > 0); 'linear': on x. */
  scale: 'log' | 'linear';
  /** Why these bounds. */
  why: string;
}

/** The fitted parameters, in the order they are printed and written. One row a key. */
export const FIT_PARAMETERS: readonly FitParameter[] = [
  { key: 'lambda', lo: 0.5, hi: 200, scale: 'log', why: 'near-random play to near best response on payoff differences of 0.1-0.3 (MODEL.md section 3)' },
  { key: 'audience_cost', lo: 0, hi: 1, scale: 'linear', why: 'from nothing to the whole utility range' },
  { key: 'outside_option', lo: 0, hi: 1, scale: 'linear', why: 'a utility: its whole range' },
  { key: 'betrayal_cost', lo: 0, hi: 1, scale: 'linear', why: 'from nothing to the whole utility range' },
  { key: 'attend_alone_cost', lo: 0, hi: 0.5, scale: 'linear', why: 'up to half the utility range' },
  { key: 'flexibility', lo: 0, hi: 0.6, scale: 'linear', why: 'a position moving at most 60% of the way to the proposal a round' },
  { key: 'miss', lo: 0, hi: 0.6, scale: 'linear', why: 'monitoring that sees at least two violations in five' },
  { key: 'false_alarm', lo: 0, hi: 0.3, scale: 'linear', why: 'monitoring that misreads compliance at most three times in ten' },
];

/** A start this close to a bound (on [0, 1]) is moved in to it: logit(0) is minus infinity. */
const START_MARGIN = 0.02;

/** The row of `key`, or undefined. */
export function fitParameter(key: string): FitParameter | undefined {
  return FIT_PARAMETERS.find((p) => p.key === key);
}

/** The model's default of p's key (the resolver's), the value the search starts from. */
export function modelDefault(key: string): number {
  const own = MODEL_KEYS.find(([k]) => k === key);
  if (own) return own[2];
  const shared = MODEL_SHARED_KEYS.find(([k]) => k === key);
  if (shared) {
    const base = MODEL_KEYS.find(([, field]) => field === shared[2]);
    if (base) return base[2];
  }
  throw new Error(`fit parameter ${key} is not a model key of src/scenario/resolve.ts`);
}

/** x on [0, 1]: where it lies between p's bounds on p's scale. */
function unit(p: FitParameter, x: number): number {
  return p.scale === 'log' ? (Math.log(x) - Math.log(p.lo)) / (Math.log(p.hi) - Math.log(p.lo)) : (x - p.lo) / (p.hi - p.lo);
}

/** The search coordinate of value x (x strictly inside the bounds). */
export function toSearch(p: FitParameter, x: number): number {
  const u = unit(p, x);
  return Math.log(u / (1 - u));
}

/** The value at search coordinate z: always within [lo, hi]. */
export function fromSearch(p: FitParameter, z: number): number {
  const u = 1 / (1 + Math.exp(-z));
  const x = p.scale === 'log' ? Math.exp(Math.log(p.lo) + u * (Math.log(p.hi) - Math.log(p.lo))) : p.lo + u * (p.hi - p.lo);
  // rounding can step a hair outside at the ends
  return Math.min(p.hi, Math.max(p.lo, x));
}

/** Where the search starts: the model's default, moved in from a bound by START_MARGIN of the range. */
export function startValue(p: FitParameter): number {
  const x = modelDefault(p.key);
  const u = x <= p.lo ? 0 : x >= p.hi ? 1 : unit(p, x);
  if (u >= START_MARGIN && u <= 1 - START_MARGIN) return x;
  const v = Math.min(1 - START_MARGIN, Math.max(START_MARGIN, u));
  return fromSearch(p, Math.log(v / (1 - v)));
}
