/**
 * A scenario checked against a structured sources file: every quotation must come from an excerpt of a
 * source published on or before the scenario's as_of (the record's rule, docs/RECORD.md), and observed
 * answers name their source by id.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import type { Diagnostic } from '../../src/scenario/types.js';
import { yaml } from './scenario-text.js';

const dir = mkdtempSync(join(tmpdir(), 'negsim-sources-'));
writeFileSync(join(dir, 'case.sources.yaml'), yaml`
  sources:
    - id: before
      publisher: AP
      title: Eve of talks
      date: 2014-01-17
      url: https://example.org/eve
      excerpts:
        - "The opposition has accused the government of reneging on promises in the past and declaring cease-fires only to buy time."
    - id: after
      publisher: Reuters
      title: Talks end
      date: 2014-02-15
      url: https://example.org/end
      excerpts:
        - "Neither side walked out, and the government said it would never negotiate Assad's departure."
`);

function load(quote: string, extra = '', asOf = '2014-01-17') {
  const text = yaml`
    id: c
    title: C
    as_of: ${asOf}
    source: { title: Reports, file: case.sources.yaml }
    rounds: 3
    issues:
      x: { low: a, high: b }
    actors:
      gov: { name: G, role: party, capability: 0.5, position: { x: 10 } }
      snc:
        name: S
        role: party
        capability: 0.5
        position: { x: 90 }
        beliefs:
          gov: { sincere: 0.3, source: "${quote}" }
  ` + extra;
  const file = join(dir, 'c.yaml');
  writeFileSync(file, text);
  return loadScenario(file);
}
const errs = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');

test('a quotation from a source published on or before as_of passes, and the source text lists every excerpt under its source', () => {
  const r = load('declaring cease-fires only to buy time');
  assert.equal(errs(r.diagnostics), []);
  assert.equal(r.scenario!.source!.entries!.map((e) => e.id), ['before', 'after']);
  assert.match(r.scenario!.source!.text!, /^\[before\] AP, 2014-01-17: Eve of talks\n/);
});

test('a quotation found only in a later source is refused, naming the source and its date', () => {
  const e = errs(load("it would never negotiate Assad's departure").diagnostics);
  assert.is(e.length, 1);
  assert.is(e[0].message, `quote from a source published after as_of (2014-01-17): "it would never negotiate Assad's departure" is in [after] Reuters, 2014-02-15`);
  assert.is(e[0].path, 'actors.snc.beliefs.gov.source');
  // the same words are fine once the case's as_of is later
  assert.equal(errs(load("it would never negotiate Assad's departure", '', '2014-02-16').diagnostics), []);
});

test('a quotation in no excerpt is refused with where it parts from the nearest one', () => {
  const e = errs(load('declaring cease-fires only to gain time').diagnostics);
  assert.is(e.length, 1);
  assert.match(e[0].message, /^quote not found in any excerpt of case.sources.yaml dated on or before 2014-01-17/);
  assert.match(e[0].hint ?? '', /then the source has "buy time\."/);
});

test('observed answers name a source by id; an unknown id is an error with the ids', () => {
  const observed = (src: string) => yaml`
    |observed:
    |  as_of: 2014-02-15
    |  questions:
    |    deal: { ask: agreement, answer: no, note: none, source: ${src} }
  `.replace(/^\|/gm, '');
  const good = load('only to buy time', observed('after'));
  assert.equal(errs(good.diagnostics), []);
  assert.is(good.scenario!.observed!.questions[0].source, 'after');
  const bad = errs(load('only to buy time', observed('afterr')).diagnostics);
  assert.is(bad.length, 1);
  assert.is(bad[0].message, "observed.questions.deal: unknown source 'afterr'");
  assert.is(bad[0].hint, 'sources: before, after');
});

test.run();
