/**
 * Rounds as dates (docs/SCENARIO.md, "Time"): a scenario's `calendar` gives the date each round of talks
 * opens, either as a start date and a step in days or as one date per round. Questions "by date X" and a
 * deadline "on date D" become round numbers through it: the last round that opens on or before the date.
 * Round 0, the run-up (measures offered before the talks, attendance), lies before every date.
 *
 * Dates are ISO YYYY-MM-DD strings, compared as strings (they sort as they are), and stepped in UTC so
 * that no time zone or daylight-saving change moves a day.
 */
import type { Calendar } from './types.js';

const DAY_MS = 86_400_000;

/** The date `days` days after `date`. @example addDays('2014-01-30', 3) === '2014-02-02' */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The date round r (1-based) opens, or undefined when the calendar lists fewer dates.
 *
 * @example roundDate({ start: '1998-03-25', everyDays: 3 }, 2) === '1998-03-28'
 */
export function roundDate(c: Calendar, r: number): string | undefined {
  if ('dates' in c) return c.dates[r - 1];
  return addDays(c.start, (r - 1) * c.everyDays);
}

/**
 * The last round among 1..rounds that opens on or before `date`; 0 if none does (the date falls in the
 * run-up).
 *
 * @example roundOfDate({ dates: ['2014-01-22', '2014-01-24', '2014-02-10'] }, '2014-02-01', 3) === 2
 */
export function roundOfDate(c: Calendar, date: string, rounds: number): number {
  let last = 0;
  for (let r = 1; r <= rounds; r++) {
    const d = roundDate(c, r);
    if (d === undefined || d > date) break;
    last = r;
  }
  return last;
}
