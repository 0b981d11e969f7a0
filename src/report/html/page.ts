/**
 * The report's HTML document: one self-contained file — inline CSS, charts as inline SVG, no script, no
 * font or image fetched — that opens offline, prints on A4 or Letter, and can be attached to an e-mail.
 * Every string from outside negsim passes through escape.ts before it reaches the page; the functions
 * here take plain text where they say so and HTML (already escaped) where they say so.
 *
 * @example
 * htmlPage({ title: 'Geneva II', body: '<section>...</section>', generator: 'negsim 0.1.0' })
 * // '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n...<title>Geneva II</title>...'
 */
import { escapeHtml } from './escape.js';
import { FONT } from './specs.js';

export const PAGE_CSS = `
:root { --ink: #1d2327; --muted: #5b676e; --rule: #dfe4e7; --soft: #f4f6f7; --accent: #1565c0; }
* { box-sizing: border-box; }
html { font-family: ${FONT}; color: var(--ink); background: #eef1f3; line-height: 1.45; font-size: 15px; -webkit-text-size-adjust: 100%; }
body { margin: 0; }
main { max-width: 940px; margin: 0 auto; padding: 36px 44px 40px; background: #fff; }
h1 { font-size: 27px; line-height: 1.2; margin: 0 0 6px; }
h2 { font-size: 19px; margin: 44px 0 6px; padding-bottom: 5px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15.5px; margin: 26px 0 4px; }
p { margin: 6px 0 10px; max-width: 74ch; }
.sub { color: var(--muted); margin: 0 0 18px; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; background: var(--soft); padding: 1px 4px; border-radius: 3px; overflow-wrap: anywhere; }
a { color: var(--accent); }
.keys { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0 14px; padding: 0; list-style: none; }
.keys li { flex: 1 1 160px; border: 1px solid var(--rule); border-top: 4px solid var(--c, var(--accent)); border-radius: 4px; padding: 8px 12px 10px; }
.keys .v { display: block; font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; }
.keys .l { display: block; font-size: 13px; }
.keys .ci { display: block; font-size: 12px; color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 18px; font-size: 13px; margin: 10px 0 0; padding: 10px 14px; background: var(--soft); border-radius: 4px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
figure.chart { margin: 18px 0 6px; }
figure.chart .svg svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 13px; color: var(--muted); margin: 2px 0 0; max-width: 78ch; }
figcaption strong { color: var(--ink); font-size: 14.5px; display: block; margin-bottom: 2px; }
.table-wrap { overflow-x: auto; margin: 6px 0 10px; }
table { border-collapse: collapse; font-size: 12.5px; }
caption { text-align: left; font-weight: 600; font-size: 13px; padding: 6px 0 4px; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 1.5px solid #9aa5ab; font-weight: 600; }
tbody th { font-weight: normal; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.num .ci { display: block; color: var(--muted); font-size: 11px; }
.id { color: var(--muted); font-size: 0.88em; }
.actor { margin: 14px 0 4px; padding: 2px 0 4px; }
.actor ul { margin: 4px 0; padding-left: 20px; }
.actor li { margin: 6px 0; }
blockquote { margin: 3px 0 6px; padding: 2px 12px; border-left: 3px solid #b0bec5; color: #37474f; font-style: italic; max-width: 74ch; }
.judgement { color: var(--muted); font-size: 12.5px; }
.flag { color: #c62828; font-weight: 600; }
footer { margin-top: 44px; padding-top: 10px; border-top: 1px solid var(--rule); font-size: 12.5px; color: var(--muted); }
@media (max-width: 640px) { main { padding: 20px 14px; } }
@media print {
  html { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, tr, .actor, .keys, blockquote { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 15mm 14mm; }
`;

export interface PageParts {
  /** Plain text, for <title>. */
  title: string;
  /** HTML. */
  body: string;
  /** Plain text, for <meta name="generator">. */
  generator: string;
}

export function htmlPage(p: PageParts): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(p.generator)}">`,
    // No script, no connection: whatever a scenario string might smuggle in could not run or call home.
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">',
    `<title>${escapeHtml(p.title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    p.body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * A chart with its heading and caption (plain text) and the table of its numbers (HTML). `id` names the
 * chart (`data-chart`), which the browser test looks up.
 */
export function figure(id: string, title: string, caption: string, svg: string, numbers = ''): string {
  return `<figure class="chart" id="chart-${escapeHtml(id)}" data-chart="${escapeHtml(id)}">
<figcaption><strong>${escapeHtml(title)}</strong>${escapeHtml(caption)}</figcaption>
<div class="svg" role="img" aria-label="${escapeHtml(title)}">${svg}</div>
</figure>
${numbers}`;
}

/** A list of facts: [label, value as HTML]. */
export function facts(items: [string, string][]): string {
  return `<dl class="facts">\n${items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('\n')}\n</dl>`;
}

/** Key figures in large type: [label (text), value (text), interval (text), colour]. */
export function keyFigures(items: [string, string, string, string][]): string {
  return `<ul class="keys">\n${items.map(([l, v, ci, c]) => `<li style="--c: ${escapeHtml(c)}"><span class="v">${escapeHtml(v)}</span><span class="l">${escapeHtml(l)}</span><span class="ci">${escapeHtml(ci)}</span></li>`).join('\n')}\n</ul>`;
}
