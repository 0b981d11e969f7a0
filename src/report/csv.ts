/**
 * CSV as RFC 4180 defines it (Shafranovich 2005, "Common Format and MIME Type for Comma-Separated
 * Values (CSV) Files"), written by csv-stringify: records end in CRLF (the last one too, so that
 * files written in chunks concatenate cleanly), the header is the first record, and a field is
 * quoted only when it must be — when it holds a comma, a double quote (doubled inside) or a line
 * break. In a one-column table empty fields are written `""`, as an empty record would be a blank
 * line that readers skip. Text is written as given (no `'` prefix against formula injection: the text
 * comes from the analyst's own scenario, and a prefix would change the data).
 *
 * Numbers go through `formatNumber`, never through `String` or `toLocaleString`, so the output is the
 * same bytes on every machine and in every locale. Booleans are `true`/`false`; null is an empty
 * field. Encoding is the caller's: write the string as UTF-8 (see atomic-file.ts).
 *
 * @example
 * csvRows(['metric', 'p', 'note'], [['agreement', 0.30798479, 'Aleppo, "first"'], ['held', true, null]]);
 * // 'metric,p,note\r\nagreement,0.307985,"Aleppo, ""first"""\r\nheld,true,\r\n'
 */
import { stringify, type Options } from 'csv-stringify/sync';

export type CsvField = string | number | boolean | null;

/**
 * One number as CSV text. Finite numbers are written in plain decimal notation with `.`: from 1 up
 * (in absolute value) rounded to 6 decimal places, below 1 to 6 significant digits (so a small
 * probability such as 1.5e-9 keeps its digits instead of reading 0), then trailing zeros and a bare
 * `.` are stripped. Integers come out exactly. Rounding is ECMAScript's `toFixed`, exactly specified
 * (the nearer decimal, ties away from zero on the exact binary value), hence the same on every engine.
 * Exponent form is kept for the extremes, where plain digits would be unreadable: |x| >= 1e21
 * (`1e21`, 6 decimal places being meaningless there) and |x| < 1e-15 (`1.5e-20`, 6 significant
 * digits). -0 is `0`. NaN and ±Infinity are an empty field: a spreadsheet reads that as missing,
 * where the words would be read as text.
 *
 * @example
 * formatNumber(2 / 3);       // '0.666667'
 * formatNumber(57.123456789); // '57.123457'
 * formatNumber(1.5e-9);      // '0.0000000015'
 * formatNumber(20140122);    // '20140122'
 * formatNumber(NaN);         // ''
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  // Fast paths for the common cases (run numbers, counts; probabilities and positions), same result.
  if (Number.isSafeInteger(x)) return String(x); // exact digits; String(-0) is '0'
  if (Math.abs(x) >= 0.1) return stripZeros(x.toFixed(6));
  // The decimal exponent after rounding to 6 significant digits, read from the exact string rather
  // than from Math.log10, whose last-bit error would misplace powers of ten.
  const sci = x.toExponential(5);
  const exponent = Number(sci.slice(sci.indexOf('e') + 1));
  if (exponent < -15) return stripZeros(sci);
  return stripZeros(x.toFixed(5 - exponent));
}

/** '0.500000' -> '0.5', '3.000000' -> '3', '1.50000e-20' -> '1.5e-20', '1e+21' -> '1e21'. */
function stripZeros(s: string): string {
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? '' : s.charAt(e + 1) === '+' ? 'e' + s.slice(e + 2) : s.slice(e);
  if (mantissa.indexOf('.') < 0) return mantissa + exponent;
  let end = mantissa.length;
  while (mantissa.charCodeAt(end - 1) === 48 /* 0 */) end--;
  if (mantissa.charCodeAt(end - 1) === 46 /* . */) end--;
  return mantissa.slice(0, end) + exponent;
}

function options(columns: number): Options {
  return {
    record_delimiter: '\r\n',
    // csv-stringify 6 turns this off by default once record_delimiter is set, and would then leave a
    // field holding a lone \n or \r unquoted: a broken record in every reader.
    quote_record_delimiter: true,
    eof: true,
    quoted_empty: columns === 1,
    cast: {
      number: formatNumber,
      boolean: (b: boolean) => (b ? 'true' : 'false'),
    },
  };
}

/**
 * A CSV table: the header record, then one record a row; every row has a field a column. With
 * `header` null, the rows alone, for tables written in chunks (one row a run):
 * `csvRows(h, [])` then `csvRows(null, chunk)` for each chunk gives the same bytes as
 * `csvRows(h, allRows)`. Rows of the wrong length are a bug and throw.
 */
export function csvRows(header: string[] | null, rows: CsvField[][]): string {
  const columns = header?.length ?? rows[0]?.length ?? 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].length !== columns) {
      throw new RangeError(`CSV row ${i} has ${rows[i].length} fields, ${header ? 'the header has' : 'row 0 has'} ${columns}`);
    }
  }
  if (header === null && rows.length === 0) return '';
  return stringify(header === null ? rows : [header, ...rows], options(columns));
}
