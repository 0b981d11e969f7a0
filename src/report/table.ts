/**
 * The terminal summary: outcome probabilities with intervals, each party's attendance and withdrawal, the
 * measures' fates, the end round and the deal — within 80 columns — headed by the scenario, its hash, the
 * seed and the run count, so a pasted table can always be reproduced. A text chart shows the share of
 * runs still talking at the start of each round (survival-chart.ts). Headings are painted by `paint`
 * (color.ts; plain by default).
 */
import type { Estimate, Summary } from '../stats/summary.js';
import { PLAIN, type Paint } from './color.js';
import { survivalChart } from './survival-chart.js';
import { overridesText } from './command-line.js';
import { abbreviate, TERMINAL_WIDTH, wrap } from './text-layout.js';

const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1).padStart(5) + '%' : '    - ');
const est = (e: Estimate) => `${pct(e.p)}  [${pct(e.lo).trim()}, ${pct(e.hi).trim()}]`;
const num = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');

export function summaryTable(s: Summary, paint: Paint = PLAIN): string {
  const out: string[] = [];
  for (const line of wrap(s.scenario.title)) out.push(paint.heading(line));
  out.push(...wrap(`scenario ${s.scenario.id} (${s.scenario.file}, sha256 ${s.scenario.hash.slice(0, 12)})`, TERMINAL_WIDTH, '', '  '));
  if (s.scenario.overrides) out.push(...wrap(`overrides: ${overridesText(s.scenario.overrides)}`, TERMINAL_WIDTH, '', '  '));
  out.push(...wrap(`seed ${s.seed}, ${s.runs} runs, ${s.rng}; 95% Wilson intervals in brackets`));
  out.push('');
  out.push(paint.heading('Outcome                  probability  [95% interval]'));
  for (const [name, e] of Object.entries(s.outcomes)) out.push(`  ${name.padEnd(22)} ${est(e)}`);
  out.push('');
  out.push(paint.heading('Party                          attends                  withdraws'));
  for (const [id, a] of Object.entries(s.actors)) {
    if (!a.attend || !a.withdraw) continue;
    const label = (a.name.length + id.length + 3 <= 28 ? `${a.name} (${id})` : abbreviate(id, 28)).padEnd(28);
    out.push(`  ${label} ${est(a.attend).padEnd(24)} ${est(a.withdraw)}`);
  }
  const ms = Object.entries(s.measures);
  if (ms.length > 0) {
    out.push('');
    out.push(paint.heading('Measures'));
    for (const [id, m] of ms) {
      if (m.kind === 'ceasefire') {
        out.push(...wrap(`${id} (ceasefire, ${m.between.join(' / ')})`, TERMINAL_WIDTH, '  ', '    '));
        out.push(`    accepted ${est(m.accepted)}   kept to the end ${est(m.fate.held)}`);
        const by = Object.entries(m.broken_by).map(([who, e]) => `${who} ${pct(e.p).trim()}`).join(', ');
        out.push(...wrap(`called off over violations by: ${by}`, TERMINAL_WIDTH, '    ', '      '));
        out.push(`    rounds kept when accepted: mean ${num(m.rounds_kept.mean, 2)}`);
      } else {
        out.push(...wrap(`${id} (exchange, ${m.between.join(' / ')}): carried out ${est(m.carried_out)}`, TERMINAL_WIDTH, '  ', '    '));
      }
    }
  }
  out.push('');
  out.push(`Talks that began ended in round: median ${num(s.end_round.median, 0)}, mean ${num(s.end_round.mean, 2)} (of ${s.rounds.length})`);
  const deals = Object.entries(s.deal);
  if (s.outcomes.agreement.count > 0 && deals.length > 0) {
    out.push(`Deal when agreed (${s.outcomes.agreement.count} runs): mean [95% interval of the mean]; 5%-95% of deals`);
    for (const [issue, d] of deals) {
      out.push(`  ${abbreviate(issue, 22).padEnd(22)} ${num(d.mean).padStart(5)} [${num(d.lo)}, ${num(d.hi)}]   ${num(d.q05)}-${num(d.q95)}`);
    }
  }
  if (s.rounds.length > 0) {
    out.push('');
    out.push(paint.heading('Still talking at the start of each round (share of all runs)'));
    out.push(...survivalChart(s.rounds.map((r) => r.talking.p)));
  }
  return out.join('\n') + '\n';
}
