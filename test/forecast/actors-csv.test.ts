import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CsvInputError, parseActorsCsv } from '../../src/forecast/actors-csv.js';

test('the shipped EU car-emissions CSV: one issue, ten actors, in file order', () => {
  const [issue, ...rest] = parseActorsCsv(readFileSync('scenarios/eu-car-emissions.csv', 'utf8'), 'eu.csv');
  assert.is(rest.length, 0);
  assert.is(issue.id, 'issue');
  assert.is(issue.actors.length, 10);
  assert.equal(issue.actors[0], { name: 'Netherlands', capability: 0.08, position: 4, salience: 0.8 });
  assert.equal(issue.actors[9], { name: 'Greece', capability: 0.08, position: 7, salience: 0.7 });
});

test('columns in any order and case, quoted fields, CRLF and blank lines; an issue column groups rows by issue', () => {
  const text = 'Issue,SALIENCE,actor,Position,capability\r\n\r\ntax,1,"Smith, J.",10,2\r\nvat,0.5,"The ""A"" party",3,1\r\ntax,0.2,B,40,1\r\n';
  const issues = parseActorsCsv(text, 't.csv');
  assert.equal(issues.map((i) => i.id), ['tax', 'vat']);
  assert.equal(issues[0].actors.map((a) => a.name), ['Smith, J.', 'B']);
  assert.equal(issues[1].actors[0], { name: 'The "A" party', capability: 1, position: 3, salience: 0.5 });
});

function problem(text: string): string {
  try {
    parseActorsCsv(text, 'f.csv');
  } catch (e) {
    assert.ok(e instanceof CsvInputError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

test('bad input: the message names file, line and column and what is wrong', () => {
  const head = 'actor,capability,position,salience\n';
  assert.is(problem(''), 'f.csv:1:1: error: the file is empty; expected a header row: actor,capability,position,salience[,issue]');
  assert.match(problem('actor,power,position,salience\n'), /^f\.csv:1:7: error: unknown column "power"/);
  assert.match(problem('actor,capability,position\nA,1,2\n'), /^f\.csv:1:1: error: the header has no "salience" column/);
  assert.is(problem(head + 'A,1,5,1.5\n'), 'f.csv:2:7: error: salience must be a number from 0 to 1; got "1.5"');
  assert.is(problem(head + 'A,-1,5,1\n'), 'f.csv:2:3: error: capability must be a number >= 0; got "-1"');
  assert.is(problem(head + 'A,1,x,1\n'), 'f.csv:2:5: error: position must be a number; got "x"');
  assert.match(problem(head + 'A,1,5\n'), /^f\.csv:2:5: error: the row has 3 fields; the header has 4/);
  assert.match(problem(head + 'A,1,5,1\nA,1,6,1\n'), /^f\.csv:3:1: error: actor "A" appears twice on issue "issue"/);
  assert.match(problem(head), /the file has a header but no actors/);
  assert.match(problem(head + '"A,1,5,1\n'), /^f\.csv:2:1: error: a quoted field has no closing "/);
});

test.run();
