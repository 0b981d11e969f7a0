/**
 * A finite game in normal (strategic) form, stored flat for the QRE solver's hot loop.
 *
 * Profile index: mixed radix with player 0's strategy varying fastest, so profile
 * (s_0, s_1, ..., s_{N-1}) has index s_0 + K_0 (s_1 + K_1 (s_2 + ...)) — the order of the payoff list
 * in a Gambit .nfg file. `payoffs[profile * N + player]` is that player's payoff.
 *
 * @example
 * // Prisoner's dilemma (C, D): payoffs in .nfg order (C,C) (D,C) (C,D) (D,D)
 * const pd = makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]);
 * payoff(pd, [1, 0], 0); // 5 — player 0 defects against a cooperator
 */
export interface NormalFormGame {
  /** strategies[i] = number of pure strategies of player i */
  strategies: number[];
  /** payoffs[profile * nPlayers + player]; profile index is mixed-radix with player 0's strategy
   *  varying fastest (Gambit .nfg payoff-list order). */
  payoffs: Float64Array;
}

/** Number of pure strategy profiles, the product of the players' strategy counts. */
export function profileCount(strategies: readonly number[]): number {
  let p = 1;
  for (const k of strategies) p *= k;
  return p;
}

/** Total number of pure strategies over all players (the length of a mixed profile). */
export function strategyCount(strategies: readonly number[]): number {
  let m = 0;
  for (const k of strategies) m += k;
  return m;
}

/** Index of a pure profile (one strategy per player) in the mixed-radix order, player 0 fastest. */
export function profileIndex(strategies: readonly number[], profile: readonly number[]): number {
  let index = 0;
  for (let i = strategies.length - 1; i >= 0; i--) index = index * strategies[i] + profile[i];
  return index;
}

/** The pure profile (one strategy per player) at a profile index; inverse of profileIndex. */
export function profileFromIndex(strategies: readonly number[], index: number): number[] {
  const profile: number[] = [];
  for (const k of strategies) {
    profile.push(index % k);
    index = Math.floor(index / k);
  }
  return profile;
}

/** Payoff to `player` at the pure profile `profile`. */
export function payoff(game: NormalFormGame, profile: readonly number[], player: number): number {
  return game.payoffs[profileIndex(game.strategies, profile) * game.strategies.length + player];
}

/**
 * Checks a game's shape: at least one player, every strategy count a positive integer, one finite
 * payoff per player and profile. Throws an Error saying what is wrong.
 */
export function validateGame(game: NormalFormGame): void {
  const { strategies, payoffs } = game;
  if (!Array.isArray(strategies) || strategies.length === 0) {
    throw new Error('normal-form game: needs at least one player (strategies is empty)');
  }
  for (let i = 0; i < strategies.length; i++) {
    const k = strategies[i];
    if (!Number.isInteger(k) || k < 1) {
      throw new Error(`normal-form game: player ${i} has ${k} strategies; needs a positive integer`);
    }
  }
  const expected = profileCount(strategies) * strategies.length;
  if (!(payoffs instanceof Float64Array) || payoffs.length !== expected) {
    throw new Error(
      `normal-form game: payoffs has length ${payoffs?.length}; expected ${expected} ` +
        `(${profileCount(strategies)} profiles x ${strategies.length} players)`,
    );
  }
  for (let j = 0; j < payoffs.length; j++) {
    if (!Number.isFinite(payoffs[j])) {
      const n = strategies.length;
      throw new Error(
        `normal-form game: payoff of player ${j % n} at profile ${Math.floor(j / n)} is ${payoffs[j]}; ` +
          'payoffs must be finite numbers',
      );
    }
  }
}

/** Builds and validates a game from strategy counts and a payoff list in .nfg order. */
export function makeGame(strategies: readonly number[], payoffs: ArrayLike<number>): NormalFormGame {
  const game: NormalFormGame = { strategies: [...strategies], payoffs: Float64Array.from(payoffs) };
  validateGame(game);
  return game;
}

/** One logit QRE point of a fixture, as Gambit reported it. */
export interface QreFixturePoint {
  lambda: number;
  reported_lambda: number;
  /** strategies[i][k]: player i's probability of its k-th strategy */
  strategies: number[][];
}

/** The JSON fixture format of `test/fixtures/qre/*.json` (games solved by gambit-logit). */
export interface QreFixture {
  name: string;
  title: string;
  players: string[];
  /** strategy names, per player */
  strategies: string[][];
  /** one entry per pure profile, in any order */
  payoffs: { profile: number[]; payoffs: number[] }[];
  qre: QreFixturePoint[];
}

/**
 * The game of a QRE fixture (see QreFixture). The fixture lists profiles explicitly (in
 * lexicographic order, last player fastest); they are placed by their `profile` field, so the order
 * in the file does not matter. Every profile must appear exactly once.
 */
export function gameFromFixture(json: unknown): NormalFormGame {
  const fx = json as Partial<QreFixture>;
  if (typeof fx !== 'object' || fx === null || !Array.isArray(fx.strategies) || !Array.isArray(fx.payoffs)) {
    throw new Error('QRE fixture: expected an object with "strategies" (names per player) and "payoffs"');
  }
  const strategies = fx.strategies.map((names, i) => {
    if (!Array.isArray(names) || names.length === 0) {
      throw new Error(`QRE fixture: strategies[${i}] must be a non-empty list of names`);
    }
    return names.length;
  });
  const n = strategies.length;
  const nProfiles = profileCount(strategies);
  const payoffs = new Float64Array(nProfiles * n);
  const seen = new Uint8Array(nProfiles);
  fx.payoffs.forEach((entry, e) => {
    const { profile, payoffs: pay } = entry ?? ({} as { profile: number[]; payoffs: number[] });
    if (!Array.isArray(profile) || profile.length !== n || !Array.isArray(pay) || pay.length !== n) {
      throw new Error(`QRE fixture: payoffs[${e}] needs "profile" and "payoffs" with ${n} entries each`);
    }
    profile.forEach((s, i) => {
      if (!Number.isInteger(s) || s < 0 || s >= strategies[i]) {
        throw new Error(`QRE fixture: payoffs[${e}].profile[${i}] = ${s} is not a strategy of player ${i}`);
      }
    });
    const p = profileIndex(strategies, profile);
    if (seen[p]) throw new Error(`QRE fixture: payoffs[${e}] repeats profile [${profile.join(', ')}]`);
    seen[p] = 1;
    for (let i = 0; i < n; i++) payoffs[p * n + i] = pay[i];
  });
  const missing = seen.indexOf(0);
  if (missing >= 0) {
    const profile = profileFromIndex(strategies, missing);
    throw new Error(`QRE fixture: profile [${profile.join(', ')}] has no payoffs`);
  }
  const game: NormalFormGame = { strategies, payoffs };
  validateGame(game);
  return game;
}

/**
 * Expected payoff of every pure strategy against the others' mixtures, u_i(a, sigma_-i), by summing over
 * all profiles (flat, player by player, like a solver's output). Independent of the QRE solver: tests use
 * it to check fixed points, traces to show what each action was worth. Not for the hot loop.
 *
 * @example expectedPayoffs(makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]), [0.5, 0.5, 0.5, 0.5]) // [1.5, 3, 1.5, 3]
 */
export function expectedPayoffs(game: NormalFormGame, sigma: ArrayLike<number>): number[] {
  const ks = game.strategies;
  const n = ks.length;
  const off: number[] = [];
  let m = 0;
  for (const k of ks) {
    off.push(m);
    m += k;
  }
  const u = new Array<number>(m).fill(0);
  const s = new Array<number>(n).fill(0);
  for (let p = 0; p < profileCount(ks); p++) {
    for (let i = 0; i < n; i++) {
      let w = 1;
      for (let j = 0; j < n; j++) if (j !== i) w *= sigma[off[j] + s[j]];
      u[off[i] + s[i]] += w * game.payoffs[p * n + i];
    }
    for (let k = 0; k < n; k++) {
      if (++s[k] < ks[k]) break;
      s[k] = 0;
    }
  }
  return u;
}
