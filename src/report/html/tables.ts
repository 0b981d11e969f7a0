/**
 * The numbers behind each chart, as HTML tables a reader can check and a program can read. Every number
 * cell carries the JSON path of its value (`data-path`, e.g. `outcomes.agreement` or
 * `rounds.2.withdrawal_by.snc`, the path in `negsim run --json`, `compare --json` or `sweep --json`) and
 * the value's fields exactly as that JSON writes them (`data-p`, `data-lo`, `data-hi`, `data-count`,
 * `data-n`; format.ts), plus `data-metric` and, where there is one, `data-actor` / `data-round` /
 * `data-measure`. The text shows the same numbers rounded for people.
 *
 * @example
 * estimateCell({ path: 'outcomes.agreement', metric: 'agreement' }, { p: 0.0025, lo: 0.0017, hi: 0.0037, count: 25, n: 10000 })
 * // '<td class="num" data-path="outcomes.agreement" data-metric="agreement" data-p="0.0025" data-lo="0.0017"
 * //  data-hi="0.0037" data-count="25" data-n="10000">0.25%<span class="ci">0.17–0.37%</span></td>'
 */
import type { Estimate } from '../../stats/summary.js';
import { escapeHtml } from './escape.js';
import { dataNumber, interval, percent } from './format.js';

/** Where a number comes from: its JSON path and what it is. */
export interface CellKey {
  path: string;
  metric: string;
  actor?: string;
  round?: number;
  measure?: string;
}

function keyAttrs(k: CellKey): string {
  let a = ` data-path="${escapeHtml(k.path)}" data-metric="${escapeHtml(k.metric)}"`;
  if (k.actor !== undefined) a += ` data-actor="${escapeHtml(k.actor)}"`;
  if (k.round !== undefined) a += ` data-round="${k.round}"`;
  if (k.measure !== undefined) a += ` data-measure="${escapeHtml(k.measure)}"`;
  return a;
}

/** Numeric fields as data-* attributes, in the order given. */
export function dataAttrs(fields: Record<string, number>): string {
  return Object.entries(fields).map(([name, v]) => ` data-${name}="${dataNumber(v)}"`).join('');
}

/**
 * A proportion with its 95% interval. A proportion over no runs (a round nobody reached) shows a dash
 * but keeps its attributes, so the table still lists every number of the JSON.
 */
export function estimateCell(k: CellKey, e: Estimate): string {
  const attrs = keyAttrs(k) + dataAttrs({ p: e.p, lo: e.lo, hi: e.hi, count: e.count, n: e.n });
  const text = e.n === 0 ? '<span class="none" title="no runs reached this">–</span>' : `${percent(e.p)}<span class="ci">${interval(e.lo, e.hi)}</span>`;
  return `<td class="num"${attrs}>${text}</td>`;
}

/** Any other numbers (a mean, a difference): the fields as attributes, `html` as the cell's content. */
export function numberCell(k: CellKey, fields: Record<string, number>, html: string): string {
  return `<td class="num"${keyAttrs(k)}${dataAttrs(fields)}>${html}</td>`;
}

/**
 * A table: `head` is the header row's cells (HTML, already escaped), `rows` each row's cells (complete
 * `<th>`/`<td>` elements). `caption` is plain text.
 */
export function table(caption: string, head: string[], rows: string[][], cls = 'numbers'): string {
  const thead = `<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`;
  const tbody = `<tbody>\n${rows.map((r) => `<tr>${r.join('')}</tr>`).join('\n')}\n</tbody>`;
  return `<div class="table-wrap"><table class="${cls}"><caption>${escapeHtml(caption)}</caption>${thead}${tbody}</table></div>`;
}

/** A row header cell holding plain text. */
export function rowHead(text: string, note?: string): string {
  return `<th scope="row">${escapeHtml(text)}${note ? ` <span class="id">${escapeHtml(note)}</span>` : ''}</th>`;
}
