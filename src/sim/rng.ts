/**
 * The random stream of one Monte Carlo run: run `run` of master seed `seed` draws from its own
 * generator, seeded from the pair (seed, run) alone. Nothing else goes in (no worker id, shard, clock
 * or order of completion), so a run's results are the same wherever and whenever it is computed, and
 * `negsim trace --seed S --run R` replays it exactly.
 *
 * Generator: Brent's xorgens xor4096 (R. P. Brent, "Some long-period random number generators using
 * shifts and xors", ANZIAM J. 48 (2007) C188-C202, arXiv:1004.3115): a 4096-bit xorshift generator
 * combined with a Weyl sequence, period 2^4096 - 2^32, passes TestU01's BigCrush; as implemented by
 * seedrandom 3 (`seedrandom.xor4096`), whose step is Brent's (r = 128, s = 95, shifts 17, 12, 13, 15).
 *
 * Why not the cheaper `seedrandom.tychei`? Quality comes first, and seedrandom's tychei is not the
 * Tyche-i of Neves & Araujo (2011) that passed BigCrush: its step computes `d = (d << 16) ^ (c >>> 16)
 * ^ a` where Tyche-i rotates d, which drops 16 bits of state, so the step is 2^16-to-1 instead of a
 * bijection (a second preimage is easy to build); its statistical quality is untested. xor4096 costs
 * more to build (a 128-word state warmed up 512 steps): measured by scripts/bench-rng.ts on Node 20,
 * 2.3-4.1 µs per construction and 3.7-6 µs per run of 200 draws (tychei: 0.4-0.6 and 1.1-2.1 µs),
 * small against a run's stage-game solving. See docs/MODEL.md.
 *
 * Key: the string `${seed}/${run}`. Both numbers must be safe integers (run >= 0); the decimal form
 * of a safe integer is an optional `-` and digits (no exponent below 1e21, never a `/`), so the key
 * splits back into (seed, run) at its only `/`: distinct pairs give distinct keys (-0 and 0 give the
 * same key; they are the same number). seedrandom mixes every character of the key into the state
 * before the 512-step warm-up; that distinct keys reach the same state is not a practical concern.
 *
 * Draws are multiples of 2^-32 in [0, 1) (one 32-bit output each); 0 can occur, 1 cannot. Callers
 * that take a logarithm must guard against 0.
 *
 * Changing the generator or the key changes every result of every seed: the test pins the first
 * draws of (1, 0) so that such a change cannot go unnoticed.
 *
 * @example
 * const rng = runRng(1, 0);
 * rng(); // 0.8058088116813451
 * rng(); // 0.6964639737270772
 */
import seedrandom from 'seedrandom';

/** The name of the generator behind `runRng`, for outputs that record how they were made. */
export const rngName = 'seedrandom.xor4096';

/** A uniform generator on [0, 1). */
export type Rng = () => number;

/** The generator of run `run` (0-based) of master seed `seed`. */
export function runRng(seed: number, run: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`runRng: seed must be a safe integer, got ${seed}`);
  if (!Number.isSafeInteger(run) || run < 0) {
    throw new RangeError(`runRng: run must be a non-negative safe integer, got ${run}`);
  }
  // Property access, not a named import: seedrandom is CommonJS and its named exports fail at run time.
  return seedrandom.xor4096(`${seed}/${run}`);
}
