/**
 * The record (docs/RECORD.md): every case loads without error, and keeps the rules that keep its scores
 * honest — structured sources with addresses and dates (quotations checked against those published on or
 * before as_of by the loader itself), every answer with a note and a source, no model parameters of its
 * own, decided before 2014 (Geneva II, the seed, the one exception), and a header saying when and how it
 * was encoded.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { formatDiagnostic, loadScenario } from '../../src/scenario/load.js';
import { expandScenarioPaths } from '../../src/scenario/scenario-files.js';
import { backtestCounts } from '../../src/backtest/backtest.js';

const files = expandScenarioPaths(['record']);

test('every case in record/ loads without error or warning', () => {
  assert.ok(files.length > 0);
  for (const f of files) {
    const { scenario, diagnostics } = loadScenario(f);
    assert.ok(scenario, `${f}:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
    assert.equal(diagnostics.map(formatDiagnostic), [], f);
  }
});

test('every case keeps the record\'s rules', () => {
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const raw = parse(text) as Record<string, unknown>;
    const s = loadScenario(f).scenario!;
    assert.ok(s.source?.entries !== undefined, `${f}: a structured sources file (docs/SCENARIO.md, "Sources and quotes")`);
    assert.ok(s.asOf !== undefined, `${f}: as_of`);
    if (s.id !== 'geneva-2014') assert.ok(s.asOf! < '2014-01-01', `${f}: decided before 2014 (as_of ${s.asOf})`);
    assert.is(raw.model, undefined, `${f}: no model parameters of its own (they are global and fitted)`);
    assert.ok(s.observed !== undefined && s.observed.questions.length > 0, `${f}: observed questions`);
    for (const q of s.observed!.questions) {
      assert.ok(q.note !== undefined && q.note.length > 0, `${f}: question ${q.id} has a note`);
      assert.ok(q.source !== undefined, `${f}: question ${q.id} names its source`);
    }
    assert.match(text, /^# Encoded: /m, `${f}: a header saying when and from what it was encoded`);
    assert.match(text, /^# Errata: /m, `${f}: an errata line (none, or what was fixed and when)`);
  }
});

test('the counts negsim backtest record/ prints: 30+ cases, 300+ questions, at most a third on attendance, yes and no per kind', () => {
  const cases = files.map((f) => loadScenario(f).scenario!).map((s) => ({
    questions: s.observed!.questions.map((q) => ({ ask: q.ask, observed: q.answer })),
  }));
  const c = backtestCounts(cases);
  assert.is(c.cases, files.length);
  assert.ok(c.cases >= 30, `${c.cases} cases`);
  assert.ok(c.questions >= 300, `${c.questions} questions`);
  assert.ok(c.attendanceShare <= 1 / 3, `attendance ${c.attendance} of ${c.questions}`);
  assert.is(c.yes + c.no, c.questions);
  assert.is(Object.values(c.byKind).reduce((n, k) => n + k.n, 0), c.questions);
  for (const [ask, k] of Object.entries(c.byKind)) assert.is(k.yes + k.no, k.n, ask);
  // both answers of the record as a whole are well represented
  assert.ok(Math.min(c.yes, c.no) >= c.questions / 3, `${c.yes} yes, ${c.no} no`);
});

test.run();
