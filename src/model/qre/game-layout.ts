/**
 * A normal-form game as the logit-QRE solver reads it: where each player's numbers sit, and the
 * payoff differences the QRE equations are made of.
 *
 * The equations (logit-qre.ts) need, for every player i and strategy a >= 1, the payoff difference
 * against strategy 0 at every profile of the others, divided by the game's payoff range R (max minus
 * min payoff, so that lambda R, not lambda, sets the scale and the tracer's step constants do not
 * depend on the payoff unit):
 *
 *     E_i(a; s_-i) = [u_i(a, s_-i) - u_i(0, s_-i)] / R,   D_i(a) = sum_(s_-i) E_i(a; s_-i) prod_(j != i) sigma_j(s_j),
 *
 * so that D_i(a) = [u_i(a, sigma_-i) - u_i(0, sigma_-i)] / R, the scaled expected gain of a over 0.
 * The E tensors are computed once per game; evaluating D is then a contraction (contraction.ts,
 * two-player.ts) or a polynomial (multilinear.ts).
 *
 * Tensor layout (`diff`): two players: player 0's block is E_0[(a - 1) K_1 + b] (b the column
 * player's strategy), player 1's from K_0 K_1 on, E_1[(b - 1) K_0 + a]. N players: player i's block at
 * diffStart[i], entry [(a - 1) othersProfiles[i] + index of the others' profile], that index
 * mixed-radix over the others in player order, the lowest player fastest (as normal-form.ts).
 *
 * Payoffs whose range overflows a double (beyond about +-9e307) are halved first (exactly): the
 * differences over the range are the same numbers, and 1 / R is kept as a subnormal (mu = lambda R may
 * then overflow: the solver refuses, logit-qre.ts).
 *
 * Vectors of the solver: a mixed profile has player i's probabilities at probStart[i] ..
 * probStart[i] + K_i - 1; a point of the full system has player i's log-ratios v_i(1..K_i - 1) at
 * ratioStart[i] .., then mu.
 *
 * @example
 * // Prisoner's dilemma 3,3 / 0,5 / 5,0 / 1,1: R = 5; player 0's E(defect; other cooperates) = (5 - 3) / 5
 * const g = new GameLayout(); g.load(makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]));
 * g.scale; // 0.2
 * g.diff.subarray(0, 2); // [0.4, 0.2]: defecting gains 2 against a cooperator, 1 against a defector
 */
import { validateGame, type NormalFormGame } from '../normal-form.js';

export class GameLayout {
  nPlayers = 0;
  /** total pure strategies: the length of a mixed profile */
  m = 0;
  /** number of profiles of the game */
  profiles = 0;
  /** log-ratio unknowns of the full system, sum_i (K_i - 1) */
  nF = 0;
  twoPlayer = false;
  /** every player has two strategies (and there are not two players) */
  binary = false;

  // Per player (capacity capPlayers).
  private capPlayers = 0;
  /** K_i, the number of strategies */
  strategies = new Int32Array(0);
  /** where player i's probabilities start in a mixed profile */
  probStart = new Int32Array(0);
  /** where player i's log-ratios start in a point of the full system */
  ratioStart = new Int32Array(0);
  /** where player i's block starts in `diff` (N players) */
  diffStart = new Int32Array(0);
  /** the number of profiles of the others, prod_(j != i) K_j */
  othersProfiles = new Int32Array(0);

  /** the payoff-difference tensors E, scaled by 1 / R (capacity capDiff) */
  diff = new Float64Array(0);
  private capDiff = 0;

  /** 1 / R, then the factor of the payoff differences in `diff` (the same unless R overflows); a typed array, so that writing them never boxes them */
  private readonly scaleBox = new Float64Array(2);
  private halfPayoffs = new Float64Array(0);

  /** 1 / R, R the payoff range; 0 if all payoffs are equal (or if R is so large that 1 / R underflows) */
  get scale(): number {
    return this.scaleBox[0];
  }

  /** Whether any payoff differs from the others. */
  get varies(): boolean {
    return this.scaleBox[1] > 0;
  }

  /**
   * Reads a game: its shape (checked; validateGame throws with the reason), payoff range and
   * difference tensors. Grows the arrays as needed; allocates nothing once they are large enough.
   */
  load(game: NormalFormGame): void {
    const ks = game.strategies;
    const nPlayers = ks.length;
    const payoffs = game.payoffs;
    // Cheap shape checks here; validateGame (which throws with the reason) only on failure.
    if (nPlayers === 0 || !(payoffs instanceof Float64Array)) validateGame(game);
    let m = 0;
    let nProfiles = 1;
    for (let i = 0; i < nPlayers; i++) {
      const k = ks[i];
      if (!(k >= 1) || k !== Math.floor(k)) validateGame(game);
      m += k;
      nProfiles *= k;
    }
    if (payoffs.length !== nProfiles * nPlayers) validateGame(game);
    let lo = Infinity;
    let hi = -Infinity;
    let finite = true;
    for (let j = 0; j < payoffs.length; j++) {
      const p = payoffs[j];
      if (!(p - p === 0)) finite = false;
      if (p < lo) lo = p;
      if (p > hi) hi = p;
    }
    if (!finite) validateGame(game);

    const twoPlayer = nPlayers === 2;
    this.ensure(nPlayers, twoPlayer ? 2 * nProfiles : nPlayers * nProfiles);
    this.nPlayers = nPlayers;
    this.m = m;
    this.profiles = nProfiles;
    this.nF = m - nPlayers;
    this.twoPlayer = twoPlayer;
    let binary = !twoPlayer;
    for (let i = 0; i < nPlayers; i++) if (ks[i] !== 2) binary = false;
    this.binary = binary;
    let source = payoffs;
    if (hi - lo < Infinity) {
      const scale = hi > lo ? 1 / (hi - lo) : 0;
      this.scaleBox[0] = scale;
      this.scaleBox[1] = scale;
    } else {
      // The range overflows (payoffs beyond +-9e307): differences of halved payoffs (exact), over
      // the halved range; 1 / R itself may then be subnormal or round to 0 (mu = lambda R overflows).
      source = this.halved(payoffs);
      const halfRange = hi * 0.5 - lo * 0.5;
      this.scaleBox[0] = 0.5 / halfRange;
      this.scaleBox[1] = 1 / halfRange;
    }
    const { strategies, probStart, ratioStart, diffStart, othersProfiles } = this;
    let o = 0;
    let vo = 0;
    let to = 0;
    for (let i = 0; i < nPlayers; i++) {
      const k = ks[i];
      strategies[i] = k;
      probStart[i] = o;
      ratioStart[i] = vo;
      diffStart[i] = to;
      othersProfiles[i] = nProfiles / k;
      o += k;
      vo += k - 1;
      to += (k - 1) * (nProfiles / k);
    }
    // (The scale is read back from its box there: a double passed to a call may be boxed.)
    if (twoPlayer) this.twoPlayerDiffs(source);
    else if (binary) this.binaryDiffs(source);
    else this.generalDiffs(source);
  }

  /** E_0[(a-1) K1 + b] = (A[a,b] - A[0,b]) / R, then from K0 K1 on E_1[(b-1) K0 + a] = (B[a,b] - B[a,0]) / R. */
  private twoPlayerDiffs(payoffs: Float64Array): void {
    const scale = this.scaleBox[1];
    const k0 = this.strategies[0];
    const k1 = this.strategies[1];
    const diff = this.diff;
    const base = k0 * k1;
    for (let a = 1; a < k0; a++) {
      for (let b = 0; b < k1; b++) {
        diff[(a - 1) * k1 + b] = (payoffs[2 * (a + k0 * b)] - payoffs[2 * (k0 * b)]) * scale;
      }
    }
    for (let b = 1; b < k1; b++) {
      for (let a = 0; a < k0; a++) {
        diff[base + (b - 1) * k0 + a] = (payoffs[2 * (a + k0 * b) + 1] - payoffs[2 * a + 1]) * scale;
      }
    }
  }

  /** generalDiffs with every K = 2, in bit operations: bit i of a profile index is player i's strategy. */
  private binaryDiffs(payoffs: Float64Array): void {
    const scale = this.scaleBox[1];
    const { nPlayers, profiles, diffStart, diff } = this;
    for (let i = 0; i < nPlayers; i++) {
      const t0 = diffStart[i];
      const bit = 1 << i;
      const low = bit - 1;
      for (let p = bit; p < profiles; p = (p + 1) | bit) {
        const rest = (p & low) | ((p >> (i + 1)) << i);
        diff[t0 + rest] = (payoffs[p * nPlayers + i] - payoffs[(p ^ bit) * nPlayers + i]) * scale;
      }
    }
  }

  private generalDiffs(payoffs: Float64Array): void {
    const scale = this.scaleBox[1];
    const { nPlayers, profiles, strategies, othersProfiles, diffStart, diff } = this;
    let stride = 1;
    for (let i = 0; i < nPlayers; i++) {
      const k = strategies[i];
      const s = othersProfiles[i];
      const t0 = diffStart[i];
      for (let p = 0; p < profiles; p++) {
        const a = Math.floor(p / stride) % k;
        if (a === 0) continue;
        // The others' profile index: the digits below i, then those above i shifted down.
        const rest = (p % stride) + Math.floor(p / (stride * k)) * stride;
        diff[t0 + (a - 1) * s + rest] = (payoffs[p * nPlayers + i] - payoffs[(p - a * stride) * nPlayers + i]) * scale;
      }
      stride *= k;
    }
  }

  /**
   * Whether player i's payoff differences ignore player j's strategy: every entry of i's tensor
   * equals the one with j playing its strategy 0 (exactly). N players only.
   */
  ignores(i: number, j: number): boolean {
    const { strategies, diffStart, othersProfiles, diff } = this;
    const s = othersProfiles[i];
    const kj = strategies[j];
    const t0 = diffStart[i];
    if (this.binary) {
      // (The loop below with K = 2: j's digit of an entry is one bit.)
      const bit = 1 << (j < i ? j : j - 1);
      for (let e = bit; e < s; e = (e + 1) | bit) if (diff[t0 + e] !== diff[t0 + e - bit]) return false;
      return true;
    }
    let stride = 1;
    for (let l = 0; l < j; l++) if (l !== i) stride *= strategies[l];
    const len = (strategies[i] - 1) * s;
    for (let e = 0; e < len; e++) {
      const sj = Math.floor((e % s) / stride) % kj;
      if (sj !== 0 && diff[t0 + e] !== diff[t0 + e - sj * stride]) return false;
    }
    return true;
  }

  /** The payoffs halved (exactly), into a buffer kept for the next game with payoffs this large. */
  private halved(payoffs: Float64Array): Float64Array {
    if (this.halfPayoffs.length < payoffs.length) this.halfPayoffs = new Float64Array(payoffs.length);
    const h = this.halfPayoffs;
    for (let j = 0; j < payoffs.length; j++) h[j] = payoffs[j] * 0.5;
    return h;
  }

  /** The uniform profile (the branch's start at lambda = 0) into out. */
  centroid(out: Float64Array): void {
    const { strategies, probStart } = this;
    for (let i = 0; i < this.nPlayers; i++) {
      const k = strategies[i];
      for (let a = 0; a < k; a++) out[probStart[i] + a] = 1 / k;
    }
  }

  private ensure(nPlayers: number, tensor: number): void {
    if (nPlayers > this.capPlayers) {
      const c = nPlayers;
      this.capPlayers = c;
      this.strategies = new Int32Array(c);
      this.probStart = new Int32Array(c);
      this.ratioStart = new Int32Array(c);
      this.diffStart = new Int32Array(c);
      this.othersProfiles = new Int32Array(c);
    }
    if (tensor > this.capDiff) {
      this.capDiff = tensor;
      this.diff = new Float64Array(tensor);
    }
  }
}
