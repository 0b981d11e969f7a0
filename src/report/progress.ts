/**
 * The progress bar on stderr: shown only while a Monte Carlo has taken more than a second (a quick run
 * should not flicker), only when stderr is a terminal (a log file or a pipe gets no carriage returns)
 * and never with `--quiet`. It redraws one line in place (`\r`, then erase to the end of the line) at
 * most every 100 ms, and erases itself when the runs are done, so what follows on stderr starts on a
 * clean line and stdout is never touched.
 *
 * @example
 * shouldShowProgress({ isTTY: true, quiet: false, elapsedMs: 1500 })  // true
 * shouldShowProgress({ isTTY: false, quiet: false, elapsedMs: 1500 }) // false
 * renderProgress(4500, 10000, 2000, 20) // 'negsim [█████████           ]  45%  4,500/10,000 runs  2 s, about 2 s left'
 */

/** A run shorter than this shows no bar. */
export const PROGRESS_AFTER_MS = 1000;
/** The most often the bar is redrawn. */
export const REDRAW_MS = 100;

export interface ProgressContext {
  isTTY: boolean;
  quiet: boolean;
  elapsedMs: number;
}

export function shouldShowProgress(c: ProgressContext): boolean {
  return c.isTTY && !c.quiet && c.elapsedMs >= PROGRESS_AFTER_MS;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** Whole seconds below a minute, then minutes and seconds. */
function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** The bar's line: `width` cells filled in eighths of a cell, the percentage, the runs and the time. */
export function renderProgress(done: number, total: number, elapsedMs: number, width = 30): string {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const eighths = Math.floor(share * width * 8);
  const full = Math.floor(eighths / 8);
  const bar = ('█'.repeat(full) + EIGHTHS[eighths % 8]).padEnd(width);
  const pct = `${Math.floor(share * 100)}%`.padStart(4);
  const leftMs = done > 0 && done < total ? (elapsedMs * (total - done)) / done : 0;
  // under half a second to go reads "about 0 s left": say nothing instead
  const left = leftMs >= 500 ? `, about ${duration(leftMs)} left` : '';
  return `negsim [${bar}] ${pct}  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} runs  ${duration(elapsedMs)}${left}`;
}

export interface ProgressBar {
  /** Runs done of runs planned; draws when the rules above allow. */
  update(done: number, total: number): void;
  /** Erase the bar if it was drawn. */
  end(): void;
}

export function progressBar(o: { write: (text: string) => void; isTTY: boolean; quiet: boolean; now?: () => number; width?: number }): ProgressBar {
  const now = o.now ?? Date.now;
  const start = now();
  let drawnAt = -Infinity;
  let shown = false;
  return {
    update(done, total) {
      const t = now();
      if (!shouldShowProgress({ isTTY: o.isTTY, quiet: o.quiet, elapsedMs: t - start })) return;
      if (t - drawnAt < REDRAW_MS && done < total) return;
      drawnAt = t;
      shown = true;
      o.write(`\r${renderProgress(done, total, t - start, o.width)}\x1b[K`);
    },
    end() {
      if (shown) o.write('\r\x1b[K');
      shown = false;
    },
  };
}
