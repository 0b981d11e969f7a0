/**
 * Numbers and lines as Gambit's command-line tools print them, so that negsim's `solve` output can
 * be compared with (and pasted next to) `gambit-logit` and `gambit-enumpure` output.
 *
 * gambit-logit (src/tools/logit/logit.cc, PrintProfile) writes one line a profile:
 *
 *     lambda,p_1,p_2,...,p_m
 *
 * lambda in fixed notation with D decimals (`std::fixed << std::setprecision(D)`), each probability
 * with D *significant* digits in C++'s default float format (`std::setprecision(D)`, no floatfield:
 * printf's %.Dg — trailing zeros dropped, scientific notation when the exponent is below -4 or at
 * least D), strategies in player order. `-d 10` sets D = 10; Gambit's default is 6.
 *
 * gambit-enumpure writes each pure equilibrium as `NE,` and the mixed profile: a 1 for each
 * strategy played, 0 for the others.
 *
 * @example
 * formatG(0.2267506448338, 10);   // '0.2267506448'
 * formatG(0.5, 10);               // '0.5'
 * formatG(1.2345e-7, 10);         // '1.2345e-07'
 * gambitLogitLine(1, [0.2267506448338, 0.7732493551662], 10); // '1.0000000000,0.2267506448,0.7732493552'
 */

/** printf's `%.{digits}g` (C++ default float output with setprecision(digits)). */
export function formatG(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const p = Math.max(1, Math.floor(digits));
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  // The exponent after rounding to p significant digits (9.9999995 rounds up to 1.000000e+01).
  const exp = Number(x.toExponential(p - 1).split('e')[1]);
  if (exp < -4 || exp >= p) {
    const [mant, e] = x.toExponential(p - 1).split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    const digitsE = e.replace(/^[+-]/, '').padStart(2, '0');
    return `${stripZeros(mant)}e${sign}${digitsE}`;
  }
  return stripZeros(x.toFixed(p - 1 - exp));
}

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** One gambit-logit line: lambda (fixed, `decimals` places), then every probability (%g). */
export function gambitLogitLine(lambda: number, probs: ArrayLike<number>, decimals: number): string {
  let line = lambda.toFixed(decimals);
  for (let j = 0; j < probs.length; j++) line += ',' + formatG(probs[j], decimals);
  return line;
}

/** One gambit-enumpure line: `NE,` then 1 for the strategy each player plays, 0 for the others. */
export function gambitNashLine(profile: readonly number[], strategies: readonly number[]): string {
  const cells: string[] = ['NE'];
  strategies.forEach((k, i) => {
    for (let a = 0; a < k; a++) cells.push(a === profile[i] ? '1' : '0');
  });
  return cells.join(',');
}
