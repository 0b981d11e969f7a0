/**
 * "Did you mean ...?" for misspelt keys, ids and names.
 *
 * Distance is the optimal-string-alignment variant of Damerau–Levenshtein (insertions, deletions,
 * substitutions and transpositions of adjacent letters each cost 1), so `capabilty` -> `capability`
 * and `salinece` -> `salience` are both 1-2 edits away. A candidate is offered only when it is close:
 * at most 1 edit for words up to 4 letters, 2 up to 8, 3 beyond — a far-off suggestion misleads more
 * than none. Failing that, a candidate that starts with the word (3+ letters) is offered, so a
 * shortened id (`asad` for `asad_role`) still finds its match.
 *
 * @example nearest('capabilty', ['capability', 'role', 'name']) === 'capability'
 * @example nearest('zzz', ['capability']) === undefined
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (bestD <= limit) return best;
  if (w.length >= 3) {
    for (const c of candidates) if (c.toLowerCase().startsWith(w)) return c;
  }
  return undefined;
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring).
 *
 * @example editDistance('capabilty', 'capability') === 1
 * @example editDistance('ab', 'ba') === 1
 */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  // three rolling rows: i-2, i-1, i
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

/** `did you mean 'x'?` or undefined. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const n = nearest(word, candidates);
  return n === undefined ? undefined : `did you mean '${n}'?`;
}
