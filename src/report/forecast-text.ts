/**
 * `negsim forecast` output: for each issue, the forecast of each model asked for, numbers with six
 * significant digits; the expected-utility model as a table of rounds.
 *
 * @example
 * forecastText('scenarios/eu-car-emissions.csv', [{ id: 'issue', name: 'issue', actors: 10, compromise: 7.389955686853766, median: 7 }]);
 * // 'Position forecasts: scenarios/eu-car-emissions.csv\n\nissue (10 actors)\n  compromise (weighted mean)     7.38996\n  median (weighted median)       7\n'
 */
import type { IssueForecast } from '../forecast/forecast.js';
import { fitLines } from './text-layout.js';

const num = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : 'n/a');

export function forecastText(file: string, issues: readonly IssueForecast[]): string {
  const out: string[] = [`Position forecasts: ${file}`];
  for (const f of issues) {
    out.push('');
    out.push(`${f.id}${f.name !== f.id ? ` — ${f.name}` : ''} (${f.actors} actor${f.actors === 1 ? '' : 's'})`);
    if (f.compromise !== undefined) out.push(`  compromise (weighted mean)     ${num(f.compromise)}`);
    if (f.median !== undefined) out.push(`  median (weighted median)       ${num(f.median)}`);
    if (f.eum !== undefined) {
      out.push('  eum (BDM, Scholz et al. 2011)  round   median     mean');
      for (const r of f.eum) out.push(`${' '.repeat(33)}${String(r.round).padStart(5)}  ${num(r.median).padStart(7)}  ${num(r.mean).padStart(7)}`);
    }
    if (f.negsim !== undefined) {
      const d = f.negsim;
      if (d === null) out.push('  negsim (deal when agreed)      no run ended in agreement');
      else {
        out.push(`  negsim (deal when agreed)      mean ${num(d.mean)} [${num(d.lo)}, ${num(d.hi)}], median ${num(d.median)}, 5%-95% ${num(d.q05)}-${num(d.q95)}`);
        out.push(`${' '.repeat(33)}(${d.agreements} of ${d.runs} runs, seed ${d.seed})`);
      }
    }
  }
  return fitLines(out).join('\n') + '\n';
}
