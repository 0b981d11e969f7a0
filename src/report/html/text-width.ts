/**
 * How wide a line of chart text is, for Vega's layout when there is no canvas to measure it: from the
 * advance widths of Helvetica (Adobe's Helvetica AFM, units of 1/1000 em), which Arial and Liberation
 * Sans share by design — the fonts the charts ask for (specs.ts, FONT). Vega's own fallback, 0.8 em a
 * character, is about half as wide again as real text, so labels were cut short and margins left empty.
 * Bold text is taken as 7% wider (Helvetica-Bold's average advance over Helvetica's). Characters outside
 * the table count as a digit (556), which over-estimates most letters a little rather than cutting them.
 * A pure function of its inputs, so the SVG stays the same bytes on every machine.
 *
 * @example
 * textWidth('Agreement', 12)  // 58.692  (4891/1000 em x 12 px)
 */

// ASCII 32 (space) to 126 (~).
const ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
];
const OTHER: Record<string, number> = {
  '\u2026': 1000, '\u2013': 556, '\u2014': 1000, '\u2018': 222, '\u2019': 222, '\u201c': 333, '\u201d': 333,
  '\u2212': 584, '\u00b1': 584, '\u00a0': 278, '\u00e9': 556, '\u00e8': 556, '\u00fc': 556, '\u00f6': 556,
};
const DEFAULT = 556;
const BOLD = 1.07;

/** Width in px of `text` set at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    units += c >= 32 && c <= 126 ? ASCII[c - 32] : OTHER[ch] ?? DEFAULT;
  }
  return (units * fontSize * (bold ? BOLD : 1)) / 1000;
}

/** The same for a Vega text item: its fontSize (default 11, Vega's) and fontWeight. */
export function itemTextWidth(item: { fontSize?: number | string; fontWeight?: number | string }, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const w = item.fontWeight;
  const bold = w === 'bold' || (w !== undefined && Number(w) >= 600);
  return textWidth(text == null ? '' : String(text).trim(), size, bold);
}
