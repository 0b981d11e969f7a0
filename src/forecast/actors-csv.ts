/**
 * Reads the plain table the expected-utility tools read (BDM's and KTAB's inputs): a CSV (RFC 4180:
 * commas, double quotes around fields that hold commas or quotes, "" for a quote) with a header row
 * naming the columns `actor`, `capability`, `position`, `salience` and optionally `issue`, in any
 * order and any letter case. One row an actor on an issue; without an `issue` column every row is
 * on one issue, called `issue`. Issues keep the order they first appear in.
 *
 * Checked: capability >= 0, salience in [0, 1] (the EU model reads it as the probability of
 * resisting a challenge), position finite, an actor at most once per issue, at least one actor.
 * A problem throws CsvInputError with the line and column.
 *
 * @example
 * parseActorsCsv('actor,capability,position,salience\nUK,0.16,10,0.9\n', 'eu.csv');
 * // [{ id: 'issue', name: 'issue', actors: [{ name: 'UK', capability: 0.16, position: 10, salience: 0.9 }] }]
 */
import type { ForecastIssue } from './actor-data.js';

export class CsvInputError extends Error {
  constructor(readonly file: string, readonly line: number, readonly column: number, readonly problem: string) {
    super(`${file}:${line}:${column}: error: ${problem}`);
    this.name = 'CsvInputError';
  }
}

interface Cell {
  text: string;
  line: number;
  column: number;
}

/** Records of cells, each with the line and column it starts at. */
function records(text: string, file: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  const src = text.replace(/^\uFEFF/, '');
  let atRowStart = true;
  while (i <= src.length) {
    if (i === src.length) {
      if (!atRowStart) rows.push(row);
      break;
    }
    const start = { line, column: col };
    let value = '';
    if (src[i] === '"') {
      i++;
      col++;
      for (;;) {
        if (i >= src.length) throw new CsvInputError(file, start.line, start.column, 'a quoted field has no closing "');
        const ch = src[i];
        if (ch === '"') {
          if (src[i + 1] === '"') {
            value += '"';
            i += 2;
            col += 2;
            continue;
          }
          i++;
          col++;
          break;
        }
        value += ch;
        i++;
        if (ch === '\n') {
          line++;
          col = 1;
        } else col++;
      }
      if (i < src.length && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
        throw new CsvInputError(file, line, col, 'text after a closing quote; put the whole field in quotes');
      }
    } else {
      // one slice, not a string grown a character at a time (a 350 x 30 CSV has 50,000 fields)
      const from = i;
      while (i < src.length && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') i++;
      value = src.slice(from, i);
      col += i - from;
    }
    row.push({ text: value, ...start });
    atRowStart = false;
    if (src[i] === ',') {
      i++;
      col++;
      if (i === src.length) row.push({ text: '', line, column: col });
      continue;
    }
    if (src[i] === '\r') i++;
    if (src[i] === '\n') i++;
    rows.push(row);
    row = [];
    atRowStart = true;
    line++;
    col = 1;
  }
  // blank lines are not rows
  return rows.filter((r) => !(r.length === 1 && r[0].text.trim() === ''));
}

const COLUMNS = ['actor', 'capability', 'position', 'salience', 'issue'] as const;

export function parseActorsCsv(text: string, file: string): ForecastIssue[] {
  const rows = records(text, file);
  if (rows.length === 0) throw new CsvInputError(file, 1, 1, 'the file is empty; expected a header row: actor,capability,position,salience[,issue]');
  const header = rows[0];
  const index = new Map<string, number>();
  header.forEach((cell, k) => {
    const name = cell.text.trim().toLowerCase();
    if (!(COLUMNS as readonly string[]).includes(name)) {
      throw new CsvInputError(file, cell.line, cell.column, `unknown column "${cell.text}"; the columns are actor, capability, position, salience and optionally issue`);
    }
    if (index.has(name)) throw new CsvInputError(file, cell.line, cell.column, `column "${name}" appears twice`);
    index.set(name, k);
  });
  for (const name of COLUMNS.slice(0, 4)) {
    if (!index.has(name)) throw new CsvInputError(file, header[0].line, 1, `the header has no "${name}" column; expected actor,capability,position,salience[,issue]`);
  }
  const issues = new Map<string, ForecastIssue>();
  for (const row of rows.slice(1)) {
    const at = (name: string): Cell => {
      const k = index.get(name)!;
      if (k >= row.length) throw new CsvInputError(file, row[0].line, row[row.length - 1].column, `the row has ${row.length} fields; the header has ${header.length}`);
      return row[k];
    };
    if (row.length > header.length) throw new CsvInputError(file, row[header.length].line, row[header.length].column, `the row has ${row.length} fields; the header has ${header.length}`);
    const num = (name: string, lo: number, hi: number, what: string): number => {
      const cell = at(name);
      const x = cell.text.trim() === '' ? NaN : Number(cell.text);
      if (!Number.isFinite(x) || x < lo || x > hi) throw new CsvInputError(file, cell.line, cell.column, `${name} must be ${what}; got "${cell.text}"`);
      return x;
    };
    const actor = at('actor');
    const name = actor.text.trim();
    if (name === '') throw new CsvInputError(file, actor.line, actor.column, 'the actor name is empty');
    const capability = num('capability', 0, Infinity, 'a number >= 0');
    const position = num('position', -Infinity, Infinity, 'a number');
    const salience = num('salience', 0, 1, 'a number from 0 to 1');
    const issueId = index.has('issue') ? at('issue').text.trim() || 'issue' : 'issue';
    let issue = issues.get(issueId);
    if (!issue) {
      issue = { id: issueId, name: issueId, actors: [] };
      issues.set(issueId, issue);
    }
    if (issue.actors.some((a) => a.name === name)) throw new CsvInputError(file, actor.line, actor.column, `actor "${name}" appears twice on issue "${issueId}"`);
    issue.actors.push({ name, capability, position, salience });
  }
  if (issues.size === 0) throw new CsvInputError(file, header[0].line, 1, 'the file has a header but no actors');
  return [...issues.values()];
}
