import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { csvRows, formatNumber } from '../../src/report/csv.js';

test('writes the header first, CRLF after every record, and quotes nothing that needs no quotes', () => {
  assert.is(
    csvRows(['seed', 'run', 'outcome', 'p'], [[7, 0, 'agreement', 0.25], [7, 1, 'stalemate', 0.5]]),
    'seed,run,outcome,p\r\n7,0,agreement,0.25\r\n7,1,stalemate,0.5\r\n',
  );
  assert.is(csvRows(['a', 'b'], []), 'a,b\r\n');
});

test('quotes fields holding a comma, a double quote or a line break, doubling inner quotes (RFC 4180 2.6-2.7)', () => {
  const out = csvRows(
    ['text'],
    [['Aleppo, Syria'], ['he said "no"'], ['line one\nline two'], ['cr\ronly'], ['crlf\r\nend'], ['plain']],
  );
  // Python 3's csv.reader reads this exact string back into the header and the six fields above.
  assert.is(
    out,
    'text\r\n"Aleppo, Syria"\r\n"he said ""no"""\r\n"line one\nline two"\r\n"cr\ronly"\r\n"crlf\r\nend"\r\nplain\r\n',
  );
  // Leading/trailing spaces, semicolons and apostrophes are data, not syntax: left alone.
  assert.is(csvRows(['a', 'b'], [[' x ', "it's; fine"]]), "a,b\r\n x ,it's; fine\r\n");
  // The header is quoted by the same rule.
  assert.is(csvRows(['p, 95%', 'q'], []), '"p, 95%",q\r\n');
});

test('writes booleans as true/false and null as an empty field; a one-column empty field as ""', () => {
  assert.is(csvRows(['a', 'b', 'c'], [[true, false, null]]), 'a,b,c\r\ntrue,false,\r\n');
  assert.is(csvRows(['a', 'b'], [['', '']]), 'a,b\r\n,\r\n');
  // A lone empty field would be a blank line, which readers skip: it is quoted instead.
  assert.is(csvRows(['only'], [[null], [''], ['x']]), 'only\r\n""\r\n""\r\nx\r\n');
});

test('writes NaN and infinities as empty fields, never as words', () => {
  assert.is(csvRows(['a', 'b', 'c'], [[NaN, Infinity, -Infinity]]), 'a,b,c\r\n,,\r\n');
});

test('formatNumber: 6 decimal places from 1 up, 6 significant digits below 1, trailing zeros stripped', () => {
  // Expected strings worked out by hand from the decimal expansions (2/3 = 0.6666666..., etc.) and
  // checked against Python's format(x, '.6f') / format(x, '.6g') where they apply.
  const cases: [number, string][] = [
    [0, '0'],
    [-0, '0'],
    [3, '3'],
    [-42, '-42'],
    [20140122, '20140122'],
    [2 ** 53 + 2, '9007199254740994'],
    [2 ** 60, '1152921504606846976'], // exact value of the double, not String()'s ...7000
    [0.5, '0.5'],
    [-2.5, '-2.5'],
    [0.1 + 0.2, '0.3'], // 0.30000000000000004
    [2 / 3, '0.666667'],
    [1 / 3, '0.333333'],
    [0.30798479, '0.307985'],
    [57.123456789, '57.123457'],
    [123456.789, '123456.789'],
    [1.0000005, '1.000001'], // the double is 1.00000050000000003...
    [0.9999999, '1'],
    [0.0999999999, '0.1'],
    [0.012345678, '0.0123457'],
    [-0.00012345678, '-0.000123457'],
    [1e-7, '0.0000001'],
    [1.5e-9, '0.0000000015'],
    [9.9999999e-16, '0.000000000000001'],
    [1.5e-20, '1.5e-20'],
    [-1e-300, '-1e-300'],
    [1e21, '1e21'],
    [NaN, ''],
    [Infinity, ''],
    [-Infinity, ''],
  ];
  for (const [x, s] of cases) assert.is(formatNumber(x), s, `formatNumber(${x})`);
});

test('formatNumber never depends on the locale and always uses "." for decimals', () => {
  // toLocaleString would give '1.234,5' in de-DE; formatNumber must not.
  assert.is(formatNumber(1234.5), '1234.5');
  assert.not.match(formatNumber(1234.5678901), /[, ]/);
});

test('with a null header, continues a table in chunks with the same bytes as one call', () => {
  const header = ['run', 'outcome', 'x'];
  const rows: (string | number)[][] = [[0, 'agreement', 1 / 7], [1, 'no_talks, early', 2 / 7], [2, 'x', 3]];
  const chunked = csvRows(header, []) + csvRows(null, rows.slice(0, 2)) + csvRows(null, rows.slice(2)) + csvRows(null, []);
  assert.is(chunked, csvRows(header, rows));
  assert.is(chunked, 'run,outcome,x\r\n0,agreement,0.142857\r\n1,"no_talks, early",0.285714\r\n2,x,3\r\n');
  // One column without a header still quotes its empty fields.
  assert.is(csvRows(null, [[null], ['a']]), '""\r\na\r\n');
});

test('rejects rows whose length differs from the header, or from the first row', () => {
  assert.throws(() => csvRows(['a', 'b'], [[1, 2], [3]]), /CSV row 1 has 1 fields, the header has 2/);
  assert.throws(() => csvRows(null, [[1, 2], [1, 2, 3]]), /CSV row 1 has 3 fields, row 0 has 2/);
});

// A parse round-trip, only where csv-parse happens to be installed (negsim does not depend on it).
const parserModule = 'csv-parse/sync';
const csvParse = (await import(parserModule).catch(() => null)) as
  | { parse: (s: string, o: object) => string[][] }
  | null;
(csvParse ? test : test.skip)('parses back to the same fields with csv-parse', () => {
  const rows = [['a,b', 'say "hi"', 'x\r\ny', '', 'ü']];
  assert.equal(csvParse!.parse(csvRows(['1', '2', '3', '4', '5'], rows), { record_delimiter: '\r\n' }), [
    ['1', '2', '3', '4', '5'],
    ...rows,
  ]);
});

test.run();
