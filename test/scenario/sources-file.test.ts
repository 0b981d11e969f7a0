import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isStructuredSources, parseSources } from '../../src/scenario/sources-file.js';
import { yaml } from './scenario-text.js';

const GOOD = yaml`
  case: x
  sources:
    - id: s1
      publisher: AP
      author: Staff
      title: Syria offers truce
      date: 2014-01-17
      url: https://example.org/a
      excerpts:
        - "If we find any deviation in the negotiations, we'll withdraw."
    - id: o-1
      publisher: Reuters
      title: Talks end
      date: 2014-02-15
      date_note: inferred from "Saturday"
      url: http://example.org/b
      excerpts: [The second round ended without agreement.]
`;

test('a structured sources file is told by its extension', () => {
  assert.ok(isStructuredSources('x.sources.yaml'));
  assert.ok(isStructuredSources('x.YML'));
  assert.ok(isStructuredSources('x.json'));
  assert.not.ok(isStructuredSources('article.txt'));
});

test('entries keep id, publisher, title, date, address, excerpts, and the optional author and date note', () => {
  const { entries, diagnostics } = parseSources(GOOD, 'x.sources.yaml');
  assert.equal(diagnostics, []);
  assert.equal(entries, [
    { id: 's1', publisher: 'AP', title: 'Syria offers truce', date: '2014-01-17', url: 'https://example.org/a', author: 'Staff',
      excerpts: ["If we find any deviation in the negotiations, we'll withdraw."] },
    { id: 'o-1', publisher: 'Reuters', title: 'Talks end', date: '2014-02-15', url: 'http://example.org/b', dateNote: 'inferred from "Saturday"',
      excerpts: ['The second round ended without agreement.'] },
  ]);
});

test('each problem is an error at its line and column in the sources file', () => {
  const bad = (from: string, to: string) => parseSources(GOOD.replace(from, to), 'x.sources.yaml').diagnostics;
  const noDate = bad('    date: 2014-01-17\n', '');
  assert.is(noDate[0].message, "source: 'date' is required (YYYY-MM-DD, the day it was published)");
  const badDate = bad('date: 2014-01-17', 'date: 2014-02-30');
  assert.is(badDate[0].message, "source date: '2014-02-30' is not a calendar date");
  assert.equal([badDate[0].loc!.line, badDate[0].loc!.column], [7, 11]);
  assert.is(bad('url: https://example.org/a', 'url: example.org/a')[0].message, "source s1 url: 'example.org/a' is not an http(s) address");
  assert.is(bad('id: o-1', 'id: s1')[0].message, "duplicate source id 's1'");
  assert.is(bad('id: s1', 'id: S1')[0].message, "source id 'S1': use lowercase letters, digits, '-' and '_'");
  assert.is(bad('    author: Staff\n', '    authr: Staff\n')[0].message, "source: unknown key 'authr'");
  assert.is(bad('excerpts: [The second round ended without agreement.]', 'excerpts: []')[0].message, 'source o-1 excerpts: a non-empty list of passages');
  assert.is(bad('title: Talks end', 'title: "Talks\\u001b[2J end"')[0].message, 'source title: the text holds a control character');
  assert.is(parseSources('- a\n- b\n', 'x.yaml').diagnostics[0].message, "a sources file is a mapping with a list 'sources:' of entries");
  assert.match(parseSources('sources: [\n', 'x.yaml').diagnostics[0].message, /^sources file: YAML syntax error/);
});

test.run();
