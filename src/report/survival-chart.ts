/**
 * A text chart of survival over rounds: the share of all runs still talking at the start of each round
 * (Summary.rounds[].talking, the survival function of the talks), for the terminal table.
 *
 * Up to MAX_BAR_ROUNDS rounds: a bar a round, `width` cells filled in eighths of a cell (so a bar is
 * exact to 1 / (8 x width) of the runs), with the percentage. More rounds: a sparkline, a character a
 * round from ▁ (none) to █ (all), 50 rounds a line, each line labelled with its first round.
 *
 * @example
 * survivalChart([1, 0.5, 0.25], 8)
 * // ['  round 1  ████████  100.0%',
 * //  '  round 2  ████       50.0%',
 * //  '  round 3  ██         25.0%']
 */

export const MAX_BAR_ROUNDS = 20;
const SPARK_PER_LINE = 50;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** `shares[r]`: share still talking at the start of round r + 1; lines without a trailing newline. */
export function survivalChart(shares: readonly number[], width = 40): string[] {
  const T = shares.length;
  const label = (r: number) => `round ${String(r).padStart(String(T).length)}`;
  if (T <= MAX_BAR_ROUNDS) {
    return shares.map((s, i) => {
      const x = Number.isFinite(s) ? Math.min(1, Math.max(0, s)) : 0;
      const eighths = Math.round(x * width * 8);
      const bar = ('█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]).padEnd(width);
      return `  ${label(i + 1)}  ${bar}  ${(100 * x).toFixed(1).padStart(5)}%`;
    });
  }
  const lines: string[] = [];
  for (let first = 0; first < T; first += SPARK_PER_LINE) {
    const chunk = shares.slice(first, first + SPARK_PER_LINE).map((s) => {
      const x = Number.isFinite(s) ? Math.min(1, Math.max(0, s)) : 0;
      return SPARKS[Math.min(7, Math.floor(x * 8))];
    });
    lines.push(`  ${label(first + 1)}  ${chunk.join('')}`);
  }
  lines.push(`  ▁ under 12.5% still talking, █ 87.5% or more (round 1: ${(100 * shares[0]).toFixed(1)}%, round ${T}: ${(100 * shares[T - 1]).toFixed(1)}%)`);
  return lines;
}
