/**
 * The compromise model: the capability-times-salience weighted mean of the actors' positions,
 *
 *     x* = sum_i c_i s_i x_i / sum_i c_i s_i,
 *
 * the "mean voter" forecast that studies of EU decision making (Achen 2006; Thomson et al. 2006,
 * The European Union Decides) find the hardest baseline to beat. Actors with c_i s_i = 0 do not
 * count; NaN if none is left.
 *
 * @example
 * // 1994 EU car-emissions example (Bueno de Mesquita & Stokman): 5.003 / 0.677
 * compromisePosition(EU_CAR_EMISSIONS) // 7.389955686853766
 */
import type { ForecastActor } from './actor-data.js';

export function compromisePosition(actors: readonly ForecastActor[]): number {
  let num = 0;
  let den = 0;
  for (const a of actors) {
    const w = a.capability * a.salience;
    if (w > 0) {
      num += w * a.position;
      den += w;
    }
  }
  return den > 0 ? num / den : NaN;
}
