/**
 * Checking `source:` quotes against the source text, so that every effect on a forecast can be
 * traced to words that were really written.
 *
 * Both sides are normalised first (normaliseForQuote): Unicode compatibility forms (NFKC), curly
 * quotes and primes to straight ones, every dash and minus to '-', '…' to '...', runs of
 * whitespace to one space, and letter case ignored (a quote that starts a sentence often
 * capitalises a word that is mid-sentence in the source). An ellipsis in the quote ('...', '…' or
 * '[...]') marks an omission: the pieces around it must occur in the source in that order.
 */

/**
 * @example normaliseForQuote('“We’ll  withdraw” — he said') === '"we\'ll withdraw" - he said'
 */
export function normaliseForQuote(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export type QuoteMatch =
  | { found: true }
  | {
      found: false;
      /** How many leading words of the quote occur, in a row, in the source. */
      matchedWords: number;
      /** The source's text right after the longest matching start, if at least 3 words matched. */
      sourceContinues?: string;
      /** The quote's text from where it stops matching. */
      quoteContinues?: string;
    };

/**
 * Whether `quote` occurs in `source` (`source` already normalised with normaliseForQuote).
 *
 * @example findQuote('we\'ll withdraw', normaliseForQuote("If we find any deviation, we'll withdraw.")) // {found: true}
 */
export function findQuote(quote: string, normalisedSource: string): QuoteMatch {
  const q = normaliseForQuote(quote).replace(/^["']+|["']+$/g, '').trim();
  const pieces = q.split(/\s*(?:\[\.\.\.\]|\.\.\.)\s*/).map((p) => p.trim()).filter((p) => p !== '');
  let from = 0;
  for (const piece of pieces) {
    const i = normalisedSource.indexOf(piece, from);
    if (i < 0) return explainMiss(piece, normalisedSource);
    from = i + piece.length;
  }
  return { found: true };
}

/** How far the first missing piece matches: the longest run of its leading words found in the source. */
function explainMiss(piece: string, source: string): QuoteMatch {
  const words = piece.split(' ');
  let lo = 0;
  let at = -1;
  // longest prefix of words that occurs (prefixes that occur are closed downwards, so grow greedily)
  for (let n = 1; n <= words.length; n++) {
    const i = source.indexOf(words.slice(0, n).join(' '));
    if (i < 0) break;
    lo = n;
    at = i;
  }
  if (lo < 3) return { found: false, matchedWords: lo };
  const prefix = words.slice(0, lo).join(' ');
  const after = source.slice(at + prefix.length).trimStart().split(' ').slice(0, 6).join(' ');
  return { found: false, matchedWords: lo, sourceContinues: after, quoteContinues: words.slice(lo, lo + 6).join(' ') };
}
