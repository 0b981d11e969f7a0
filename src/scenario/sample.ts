/**
 * Draw one run's parameter vector: `out[i]` gets a value of `params[i]`, in order, clipped to
 * [min, max].
 *
 * Fixed values consume no uniforms, so turning an uncertain number into a fixed one (or back)
 * shifts the stream for the parameters after it but never adds hidden draws. Normal, uniform and
 * triangular values use exactly one uniform each (by inversion); beta uses the gamma rejection
 * sampler, a variable but seed-determined number. Clipping, not truncation (redrawing): mass
 * outside the range piles up on its bounds, as the scenario format documents.
 */
import type { ParamSpec } from './types.js';
import { sampleNormal } from './distributions/normal.js';
import { sampleUniform } from './distributions/uniform.js';
import { sampleTriangular } from './distributions/triangular.js';
import { sampleBeta } from './distributions/beta.js';

/**
 * @example
 * const out = new Float64Array(2);
 * sampleParams([
 *   { path: 'model.lambda', dist: { kind: 'fixed', value: 8 }, min: 0, max: 1000 },
 *   { path: 'actors.gov.capability', dist: { kind: 'uniform', lo: 0.5, hi: 1.5 }, min: 0, max: 1 },
 * ], () => 0.75, out);
 * // out = [8, 1]  (0.5 + 0.75 = 1.25, clipped to 1)
 */
export function sampleParams(params: readonly ParamSpec[], rng: () => number, out: Float64Array): void {
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    const d = p.dist;
    let x: number;
    switch (d.kind) {
      case 'fixed': x = d.value; break;
      case 'normal': x = sampleNormal(d.mean, d.sd, rng); break;
      case 'uniform': x = sampleUniform(d.lo, d.hi, rng); break;
      case 'triangular': x = sampleTriangular(d.lo, d.mode, d.hi, rng); break;
      case 'beta': x = sampleBeta(d.a, d.b, rng); break;
    }
    out[i] = x < p.min ? p.min : x > p.max ? p.max : x;
  }
}
