/**
 * The offers of Bueno de Mesquita's expected-utility model (BDM 1994, 1997; Scholz, Calbert & Smith
 * 2011, section 6 and figure 6), as actor i sees them: with EU_ij its expected utility of challenging
 * j and EU_ji j's of challenging i, both judged by i,
 *
 *     EU_ji > EU_ij > 0                     confrontation, i expects to lose: i moves to x_j;
 *     EU_ji > 0 > EU_ij, EU_ji > |EU_ij|    compromise: x_i + (x_j - x_i) |EU_ij / EU_ji|;
 *     EU_ji > 0 > EU_ij, EU_ji <= |EU_ij|   capitulation: i moves to x_j;
 *
 * otherwise j has no credible offer for i. Which of its offers i takes:
 * - `least-move` (the paper: "players move the least that they can"): the one that moves it least;
 *   ties: the larger EU_ji, then the lower actor index;
 * - `confrontation-first` (Scholz et al.'s program as J. McKibben's replication reads it, needed for
 *   their published rounds): the confrontation that moves i least, else the compromise with the lowest
 *   point (|EU_ij| x_i + |EU_ji| x_j) / (|EU_ij| + |EU_ji|), else the capitulation that moves it least;
 *   ties: the lower actor index.
 *
 * @example
 * const best = new BestOffer('least-move');
 * best.reset(10);
 * best.consider(0, 0, -0.1, 0.3);   // j = 0 at x 0: compromise to 10 + (0 - 10) (0.1 / 0.3) = 6.667
 * best.consider(1, 8, 0.1, 0.6);    // j = 1 at x 8: confrontation, to 8, a smaller move
 * [best.from, best.kind, best.to]        // [1, 'confrontation', 8]
 */
export type OfferKind = 'confrontation' | 'compromise' | 'capitulation';
export type OfferChoice = 'least-move' | 'confrontation-first';

const RANK: Record<OfferKind, number> = { confrontation: 0, compromise: 1, capitulation: 2 };

/** The offer j makes i, or null: its kind from EU_ij and EU_ji. */
export function offerKind(euij: number, euji: number): OfferKind | null {
  if (euji > euij && euij > 0) return 'confrontation';
  if (euji > 0 && euij < 0) return euji > -euij ? 'compromise' : 'capitulation';
  return null;
}

/** Where i moves on j's offer. */
export function offerPosition(kind: OfferKind, xi: number, xj: number, euij: number, euji: number): number {
  return kind === 'compromise' ? xi + (xj - xi) * Math.abs(euij / euji) : xj;
}

/** The best offer one actor has seen so far (no allocation per offer: the model's inner loop). */
export class BestOffer {
  from = -1;
  kind: OfferKind = 'confrontation';
  to = NaN;
  private xi = NaN;
  private euji = NaN;
  private point = NaN;

  constructor(private readonly choice: OfferChoice) {}

  reset(xi: number): void {
    this.from = -1;
    this.xi = xi;
  }

  /** j's offer, made from position xj; kept if it beats the best so far. */
  consider(j: number, xj: number, euij: number, euji: number): void {
    const kind = offerKind(euij, euji);
    if (kind === null) return;
    const to = offerPosition(kind, this.xi, xj, euij, euji);
    const point = (Math.abs(euij) * this.xi + Math.abs(euji) * xj) / (Math.abs(euij) + Math.abs(euji));
    if (this.from >= 0 && !this.beats(kind, to, euji, point)) return;
    this.from = j;
    this.kind = kind;
    this.to = to;
    this.euji = euji;
    this.point = point;
  }

  private beats(kind: OfferKind, to: number, euji: number, point: number): boolean {
    const shift = Math.abs(to - this.xi);
    const bestShift = Math.abs(this.to - this.xi);
    if (this.choice === 'least-move') return shift < bestShift || (shift === bestShift && euji > this.euji);
    if (RANK[kind] !== RANK[this.kind]) return RANK[kind] < RANK[this.kind];
    return kind === 'compromise' ? point < this.point : shift < bestShift;
  }
}
