/**
 * Terminal text within 80 columns: paragraphs wrapped at word boundaries, labels abbreviated with `…`,
 * and tables whose columns do not fit side by side printed in blocks, each headed again. The terminal is
 * for reading; the full, unabbreviated table is always in the CSV and the JSON.
 *
 * Widths count UTF-16 code units, as `padEnd` does; the text here is what scenario files may hold (no
 * control characters), and wide (CJK) characters would make a line look longer than it counts.
 *
 * @example
 * wrap('The 3 seeds agree: they differ by no more than Monte Carlo error predicts.', 40)
 * // ['The 3 seeds agree: they differ by no', 'more than Monte Carlo error predicts.']
 * abbreviate('detainee_exchange.carried_out', 12) // 'detainee_ex…'
 */

/** The width every terminal offers; tables and text are laid out within it. */
export const TERMINAL_WIDTH = 80;

/**
 * `text` in lines of at most `width` columns, broken at spaces; the first line starts with `first`, the
 * others with `rest` (a hanging indent). A word longer than a line is broken where the line ends.
 */
export function wrap(text: string, width = TERMINAL_WIDTH, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (let word of text.split(' ').filter((w) => w !== '')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    while (line.length + (empty ? 0 : 1) + word.length > width) {
      const room = width - line.length - (empty ? 0 : 1);
      if (room <= 0) { lines.push(line); line = rest; empty = true; continue; }
      lines.push(line + (empty ? '' : ' ') + word.slice(0, room));
      word = word.slice(room);
      line = rest;
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Every line longer than `width` wrapped at its spaces, continued under its own indentation plus four
 * columns; shorter lines as they are. For running text whose lines are built whole (a trace).
 */
export function fitLines(lines: readonly string[], width = TERMINAL_WIDTH): string[] {
  return lines.flatMap((l) => {
    if (l.length <= width) return [l];
    const indent = /^ */.exec(l)![0];
    return wrap(l.slice(indent.length), width, indent, `${indent}    `);
  });
}

/** `text` cut to `width` columns, its end replaced by `…` when it is longer. */
export function abbreviate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

export interface TextColumn {
  heading: string;
  cells: string[];
  /** Numbers read best right-aligned; text left (the default). */
  align?: 'left' | 'right';
}

/**
 * A table of `labels` (its first column, under `labelHeading`) and `columns`, two spaces apart. Columns that
 * do not fit within `width` beside the labels go into a further block below, headed and labelled again,
 * so that no line is longer than `width` (given labels and cells that fit on a line with one column).
 * `heading` paints the heading lines (color.ts).
 */
export function blockTable(
  labelHeading: string, labels: readonly string[], columns: readonly TextColumn[],
  heading: (line: string) => string = (l) => l, width = TERMINAL_WIDTH,
): string[] {
  const lw = Math.max(labelHeading.length, ...labels.map((l) => l.length));
  const widths = columns.map((c) => Math.max(c.heading.length, ...c.cells.map((x) => x.length)));
  const blocks: number[][] = [];
  let used = lw;
  for (let i = 0; i < columns.length; i++) {
    const last = blocks[blocks.length - 1];
    if (last && used + 2 + widths[i] <= width) {
      last.push(i);
      used += 2 + widths[i];
    } else {
      blocks.push([i]);
      used = lw + 2 + widths[i];
    }
  }
  const pad = (s: string, i: number) => (columns[i].align === 'right' ? s.padStart(widths[i]) : s.padEnd(widths[i]));
  const out: string[] = [];
  blocks.forEach((b, k) => {
    if (k > 0) out.push('');
    out.push(heading(`${labelHeading.padEnd(lw)}${b.map((i) => `  ${pad(columns[i].heading, i)}`).join('')}`.trimEnd()));
    labels.forEach((l, r) => out.push(`${l.padEnd(lw)}${b.map((i) => `  ${pad(columns[i].cells[r] ?? '', i)}`).join('')}`.trimEnd()));
  });
  return out;
}
