/**
 * Fuzzing the loader and the simulator with mutations of the shipped scenario (issue 6): keys deleted,
 * values swapped for other types, numbers perturbed, lines dropped or doubled, the text truncated. Each
 * mutant goes through load -> validate -> a few Monte Carlo runs, and must end either in diagnostics (no
 * scenario, at least one error, every message short and free of stack frames) or in a valid result whose
 * outcome probabilities sum to 1 — never in an exception, and within a time bound.
 *
 * Cases: 8 x FUZZ_RUNS, mixed over the eight kinds of mutation; `npm test` plays 800 (FUZZ_RUNS 100), `npm run fuzz` 8000 (FUZZ_RUNS 1000). A failure
 * prints fast-check's seed and shrunk counterexample; replay with FUZZ_SEED=<seed>.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse, stringify } from 'yaml';
import { formatDiagnostic, loadScenarioText } from '../../src/scenario/load.js';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { rngName } from '../../src/sim/rng.js';
import { summarise } from '../../src/stats/summary.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** Load, validate and 4 runs of one mutant; generous for a loaded CI machine, far below a hang. */
const CASE_MS = 5000;

const FILE = join(process.cwd(), 'scenarios', 'geneva-2014.yaml');
const TEXT = readFileSync(FILE, 'utf8');
const DATA = parse(TEXT) as unknown;
/** Mutants are loaded as if they sat next to the shipped scenario, so source.file and its quotes are checked. */
const AT = join(process.cwd(), 'scenarios', 'fuzz.yaml');
const AT_JSON = join(process.cwd(), 'scenarios', 'fuzz.json');

type Path = (string | number)[];

/** Every path into the data, nodes and leaves, in document order. */
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (at.length > 0) out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}
const PATHS = paths(DATA);
const NUMBER_PATHS = PATHS.filter((p) => typeof get(DATA, p) === 'number');

function get(v: unknown, p: Path): unknown {
  return p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], v);
}

/** A copy of DATA with `p` replaced by `value` (or deleted when `value` is DELETE). */
const DELETE = Symbol('delete');
function withValue(p: Path, value: unknown): unknown {
  const copy = structuredClone(DATA) as Record<string | number, unknown>;
  const parent = get(copy, p.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  const key = p[p.length - 1];
  if (value === DELETE) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else {
    (parent as Record<string | number, unknown>)[key] = value;
  }
  return copy;
}

const otherValue = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, '', 'x', 0, -1, 1, 0.5, 101, 1e9, -1e308, [], {}, [1, 2], [0, 1, 2], { normal: [0.5, 0.1] },
    { uniform: [2, 1] }, { beta: [0, 1] }, { triangular: [1, 1, 1] }, 'assad_role >= 50', 'deviation > 10', 'gov', 'attend', 'before'),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }),
  fc.integer(),
);

/** A mutant as [text, file name]. */
const mutant: fc.Arbitrary<[string, string]> = fc.oneof(
  // a key or list item deleted
  fc.nat().map((i) => [stringify(withValue(PATHS[i % PATHS.length], DELETE)), AT] as [string, string]),
  // a value swapped for another type or value
  fc.tuple(fc.nat(), otherValue).map(([i, v]) => [stringify(withValue(PATHS[i % PATHS.length], v)), AT] as [string, string]),
  // a number perturbed
  fc.tuple(fc.nat(), fc.constantFrom(-1, 0, 0.5, 0.999, 1.001, 2, 10, 1e6, 1e-9), fc.double({ min: -5, max: 5, noNaN: true })).map(([i, f, d]) => {
    const p = NUMBER_PATHS[i % NUMBER_PATHS.length];
    return [stringify(withValue(p, (get(DATA, p) as number) * f + d)), AT] as [string, string];
  }),
  // the same mutations, as JSON
  fc.tuple(fc.nat(), otherValue).map(([i, v]) => [JSON.stringify(withValue(PATHS[i % PATHS.length], v), null, 1), AT_JSON] as [string, string]),
  // the text truncated, a line dropped or doubled, a character replaced
  fc.nat().map((n) => [TEXT.slice(0, n % TEXT.length), AT] as [string, string]),
  fc.nat().map((n) => {
    const lines = TEXT.split('\n');
    const i = n % lines.length;
    return [[...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'), AT] as [string, string];
  }),
  fc.nat().map((n) => {
    const lines = TEXT.split('\n');
    const i = n % lines.length;
    return [[...lines.slice(0, i + 1), ...lines.slice(i)].join('\n'), AT] as [string, string];
  }),
  fc.tuple(fc.nat(), fc.constantFrom(' ', ':', '-', '[', ']', '{', '}', '"', "'", '#', '&', '*', '!', '|', '>', '\t', '0', '9', '.', 'e')).map(([n, c]) => {
    const i = n % TEXT.length;
    return [TEXT.slice(0, i) + c + TEXT.slice(i + 1), AT] as [string, string];
  }),
);

const OUTCOMES = ['agreement', 'withdrawal', 'stalemate', 'no_talks'] as const;
const stats = { cases: 0, refused: 0, ran: 0, slowest: 0 };

test(`mutants of the shipped scenario: a clean error or a valid result, never an exception (${RUNS * 8} cases)`, async () => {
  await fc.assert(
    fc.asyncProperty(mutant, fc.integer({ min: 1, max: 1000 }), async ([text, file], seed) => {
      const t0 = performance.now();
      const r = loadScenarioText(text, file);
      stats.cases++;
      if (!r.scenario) {
        stats.refused++;
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        assert.ok(errors.length > 0, 'no scenario, yet no error');
        for (const d of r.diagnostics) {
          const s = formatDiagnostic(d);
          assert.ok(d.message.length > 0 && d.message.length < 400, s);
          assert.ok(!/\n\s+at \S+ \(/.test(s), s);
        }
      } else {
        stats.ran++;
        const tally = await monteCarlo(r.scenario, { runs: 4, seed, workers: 1 });
        const summary = summarise(r.scenario, tally, seed, 'fuzz', rngName);
        const sum = OUTCOMES.reduce((a, k) => a + summary.outcomes[k].p, 0);
        assert.ok(Math.abs(sum - 1) < 1e-12, `outcome probabilities sum to ${sum}`);
        for (const k of OUTCOMES) assert.ok(summary.outcomes[k].p >= 0 && summary.outcomes[k].p <= 1, `${k}: ${summary.outcomes[k].p}`);
      }
      const ms = performance.now() - t0;
      stats.slowest = Math.max(stats.slowest, ms);
      assert.ok(ms < CASE_MS, `one case took ${ms.toFixed(0)} ms`);
    }),
    { numRuns: RUNS * 8, ...(SEED === undefined ? {} : { seed: SEED }) },
  );
  // both branches must have been exercised, or the fuzzer tests nothing
  assert.ok(stats.refused > 0 && stats.ran > 0, JSON.stringify(stats));
  if (process.env.FUZZ_RUNS) console.log(`fuzz: ${JSON.stringify(stats)}`);
});

test.run();
