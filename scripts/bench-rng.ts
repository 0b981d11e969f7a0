/**
 * Which seedrandom generator should a run use? Measures, for each candidate, what a Monte Carlo run
 * pays: building a fresh generator from a string key (one per run, see src/sim/rng.ts) and drawing
 * from it, and the two together at the draws a run needs (about 200).
 *
 * Run: `node --import tsx scripts/bench-rng.ts [drawsPerRun]`. Prints a Markdown table on stdout.
 * Each generator is measured in its own child process, so that the call sites stay monomorphic as
 * they are in the engine (one process uses one generator); measured in one process, whichever
 * candidate runs first looks fastest. Each figure is the best of 5 repetitions after a warm-up (the
 * best, not the mean: the noise on a shared machine only ever adds time).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';

type Factory = (key: string) => () => number;

// Property access on the CommonJS default export: named imports of seedrandom fail at run time.
const candidates: [string, Factory][] = [
  ['seedrandom (ARC4)', (key) => seedrandom(key)],
  ['seedrandom.alea', (key) => seedrandom.alea(key)],
  ['seedrandom.xor4096', (key) => seedrandom.xor4096(key)],
  ['seedrandom.tychei', (key) => seedrandom.tychei(key)],
];

const drawsPerRun = Number(process.argv[2] ?? 200);
/** Set in the child processes: the index of the one candidate to measure. */
const only = process.argv[3];
const REPS = 5;

/** Best-of-REPS time in nanoseconds of `body`, after one untimed warm-up call. */
function best(body: () => number): number {
  let sink = body();
  let min = Infinity;
  for (let r = 0; r < REPS; r++) {
    const t0 = process.hrtime.bigint();
    sink += body();
    const dt = Number(process.hrtime.bigint() - t0);
    if (dt < min) min = dt;
  }
  // Keeps the results observable so that the JIT cannot drop the work.
  if (sink === -1) console.log(sink);
  return min;
}

function measure(name: string, make: Factory): string {
  const nConstruct = 20_000;
  const construct = best(() => {
    let s = 0;
    for (let r = 0; r < nConstruct; r++) s += make(`1/${r}`) === undefined ? 1 : 0;
    return s;
  }) / nConstruct;

  const nDraws = 5_000_000;
  const g = make('1/0');
  const draw = best(() => {
    let s = 0;
    for (let i = 0; i < nDraws; i++) s += g();
    return s;
  }) / nDraws;

  const nRuns = 20_000;
  const run = best(() => {
    let s = 0;
    for (let r = 0; r < nRuns; r++) {
      const rng = make(`1/${r}`);
      for (let i = 0; i < drawsPerRun; i++) s += rng();
    }
    return s;
  }) / nRuns;

  return (
    `| ${name} | ${(construct / 1000).toFixed(2)} | ${(1000 / draw).toFixed(0)} | ` +
    `${(run / 1000).toFixed(2)} | ${(1e9 / run / 1000).toFixed(0)} |`
  );
}

if (only !== undefined) {
  const [name, make] = candidates[Number(only)];
  console.log(measure(name, make));
} else {
  console.log(`Node ${process.version}, ${drawsPerRun} draws per run, best of ${REPS}\n`);
  console.log('| generator | construct (µs) | draws (M/s) | construct + draws (µs/run) | runs (k/s) |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const self = fileURLToPath(import.meta.url);
  for (let i = 0; i < candidates.length; i++) {
    const args = [...process.execArgv, self, String(drawsPerRun), String(i)];
    process.stdout.write(execFileSync(process.execPath, args, { encoding: 'utf8' }));
  }
}
