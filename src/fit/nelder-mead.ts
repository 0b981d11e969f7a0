/**
 * Nelder-Mead simplex minimisation of a function of n real variables, without derivatives.
 *
 * Nelder, J. A. & Mead, R. (1965). A simplex method for function minimization. The Computer Journal
 * 7(4):308-313; the steps as Lagarias, Reeds, Wright & Wright (1998), "Convergence properties of the
 * Nelder-Mead simplex method in low dimensions", SIAM J. Optim. 9(1):112-147, state them (reflect,
 * expand, contract outside or inside, shrink; ties kept in their order), with the dimension-adaptive
 * coefficients of Gao & Han (2012), "Implementing the Nelder-Mead simplex algorithm with adaptive
 * parameters", Comput. Optim. Appl. 51:259-277: reflection 1, expansion 1 + 2/n, contraction
 * 0.75 - 1/(2n), shrink 1 - 1/n (for n = 2 the classical 1, 2, 0.5, 0.5). The classical coefficients
 * stall in higher dimensions; the adaptive ones are SciPy's `adaptive=True`.
 *
 * Why Nelder-Mead for negsim fit: its objective is a Monte Carlo estimate — smooth in the parameters only
 * up to steps of one run (common random numbers, docs/MODEL.md "Fitting") — so finite-difference
 * gradients are unreliable at small steps, while a simplex compares values at points a step apart.
 *
 * Stops when the simplex is small in both senses, as SciPy's fmin does: every vertex within `xTol` of
 * the best in every coordinate and every value within `fTol` of the best; or after `maxEvaluations`
 * evaluations (then `converged` is false). Every evaluation is counted, the start's included.
 *
 * The objective may be asynchronous (a Monte Carlo); evaluations are strictly one after another, so the
 * result depends only on the function's values, never on timing.
 *
 * @example
 * const r = await nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0], { step: 0.5 });
 * // { x: [1, -2], f: 0, evaluations: 64, iterations: 31, converged: true }
 */

export interface NelderMeadOptions {
  /** Initial simplex: the start and the start moved by `step` along each axis (a number or one per axis). */
  step?: number | readonly number[];
  /** Stop when every vertex is within xTol of the best vertex in every coordinate ... */
  xTol?: number;
  /** ... and every vertex's value within fTol of the best. */
  fTol?: number;
  maxEvaluations?: number;
  /** Gao & Han's coefficients (default true); false: the classical 1, 2, 0.5, 0.5. */
  adaptive?: boolean;
  /** Called after each evaluation with the point, its value and the evaluations so far. */
  onEvaluation?: (x: readonly number[], f: number, evaluations: number) => void;
}

export interface NelderMeadResult {
  /** The best point found. */
  x: number[];
  f: number;
  evaluations: number;
  iterations: number;
  /** True when the tolerances were met before maxEvaluations. */
  converged: boolean;
}

export type Objective = (x: readonly number[]) => number | Promise<number>;

export async function nelderMead(fn: Objective, start: readonly number[], opts: NelderMeadOptions = {}): Promise<NelderMeadResult> {
  const n = start.length;
  if (n === 0) throw new RangeError('nelderMead: nothing to minimise (no variables)');
  const xTol = opts.xTol ?? 1e-4;
  const fTol = opts.fTol ?? 1e-4;
  const maxEvaluations = opts.maxEvaluations ?? 200 * n;
  const adaptive = opts.adaptive ?? true;
  const alpha = 1;
  const beta = adaptive ? 1 + 2 / n : 2;
  const gamma = adaptive ? 0.75 - 1 / (2 * n) : 0.5;
  const delta = adaptive ? 1 - 1 / n : 0.5;
  const steps = typeof opts.step === 'object' ? [...opts.step] : new Array<number>(n).fill(opts.step ?? 0.1);
  if (steps.length !== n) throw new RangeError(`nelderMead: ${steps.length} steps for ${n} variables`);

  let evaluations = 0;
  const f = async (x: number[]): Promise<number> => {
    const v = await fn(x);
    evaluations++;
    // a NaN would compare false with everything and freeze the ordering: treat it as +infinity
    const value = Number.isNaN(v) ? Infinity : v;
    opts.onEvaluation?.(x, value, evaluations);
    return value;
  };

  const xs: number[][] = [[...start]];
  const fs: number[] = [await f(xs[0])];
  for (let i = 0; i < n && evaluations < maxEvaluations; i++) {
    const x = [...start];
    x[i] += steps[i];
    xs.push(x);
    fs.push(await f(x));
  }
  let iterations = 0;
  let converged = false;
  const order = () => {
    // a stable sort: among equal values the older vertex stays first (Lagarias et al.'s tie rule)
    const idx = xs.map((_, i) => i).sort((a, b) => fs[a] - fs[b] || a - b);
    const nx = idx.map((i) => xs[i]);
    const nf = idx.map((i) => fs[i]);
    xs.splice(0, xs.length, ...nx);
    fs.splice(0, fs.length, ...nf);
  };
  const along = (c: number[], w: number[], t: number) => c.map((ci, k) => ci + t * (w[k] - ci));

  while (xs.length === n + 1) {
    order();
    let spreadX = 0;
    let spreadF = 0;
    for (let i = 1; i <= n; i++) {
      spreadF = Math.max(spreadF, Math.abs(fs[i] - fs[0]));
      for (let k = 0; k < n; k++) spreadX = Math.max(spreadX, Math.abs(xs[i][k] - xs[0][k]));
    }
    if (spreadX <= xTol && spreadF <= fTol) {
      converged = true;
      break;
    }
    if (evaluations >= maxEvaluations) break;
    iterations++;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) centroid[k] += xs[i][k] / n;
    const worst = xs[n];
    const xr = along(centroid, worst, -alpha);
    const fr = await f(xr);
    if (fr < fs[0]) {
      if (evaluations >= maxEvaluations) {
        xs[n] = xr; fs[n] = fr;
        continue;
      }
      const xe = along(centroid, worst, -alpha * beta);
      const fe = await f(xe);
      if (fe < fr) { xs[n] = xe; fs[n] = fe; } else { xs[n] = xr; fs[n] = fr; }
      continue;
    }
    if (fr < fs[n - 1]) {
      xs[n] = xr; fs[n] = fr;
      continue;
    }
    if (evaluations >= maxEvaluations) break;
    if (fr < fs[n]) {
      // outside contraction: between the centroid and the reflected point
      const xc = along(centroid, worst, -alpha * gamma);
      const fc = await f(xc);
      if (fc <= fr) { xs[n] = xc; fs[n] = fc; continue; }
    } else {
      // inside contraction: between the centroid and the worst vertex
      const xc = along(centroid, worst, gamma);
      const fc = await f(xc);
      if (fc < fs[n]) { xs[n] = xc; fs[n] = fc; continue; }
    }
    // shrink every vertex toward the best
    for (let i = 1; i <= n; i++) {
      if (evaluations >= maxEvaluations) break;
      xs[i] = along(xs[0], xs[i], delta);
      fs[i] = await f(xs[i]);
    }
  }
  order();
  return { x: [...xs[0]], f: fs[0], evaluations, iterations, converged };
}
