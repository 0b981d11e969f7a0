// npm run bench: speed and memory of the Monte Carlo on the bundled Geneva II scenario, measured here.
// Each configuration runs in a fresh child process (so peak memory is its own), from the built dist/.
//   runs per second        runs / wall time of the Monte Carlo (worker start-up included)
//   decisions per second   actor-decisions (choices drawn from stage-game equilibria) / wall time
//   peak memory            the child process's maximum resident set size
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);

if (args[0] === '--child') {
  const runs = Number(args[1]);
  const workers = Number(args[2]);
  const { loadScenario } = await import('../dist/scenario/load.js');
  const { monteCarlo } = await import('../dist/sim/monte-carlo.js');
  const { BUNDLED_SCENARIO } = await import('../dist/cli/common.js');
  const { scenario } = loadScenario(BUNDLED_SCENARIO);
  const t0 = process.hrtime.bigint();
  const tally = await monteCarlo(scenario, { runs, seed: 1, workers });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ runs, workers, seconds, decisions: tally.decisions, maxRssMB }) + '\n');
  process.exit(0);
}

function measure(runs, workers) {
  const r = spawnSync(process.execPath, [self, '--child', String(runs), String(workers)], { encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    throw new Error(`bench child failed (runs ${runs}, workers ${workers})`);
  }
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const all = availableParallelism();
const rows = [];
for (const [runs, workers] of [[100_000, 1], [100_000, all], [10_000, all]]) {
  const m = measure(runs, workers);
  rows.push(m);
  process.stdout.write(
    `${String(runs).padStart(7)} runs, ${workers} worker${workers === 1 ? ' ' : 's'}: ` +
      `${m.seconds.toFixed(2).padStart(6)} s, ${Math.round(runs / m.seconds).toLocaleString('en-US').padStart(7)} runs/s, ` +
      `${Math.round(m.decisions / m.seconds).toLocaleString('en-US').padStart(9)} decisions/s, ` +
      `peak memory ${m.maxRssMB.toFixed(0)} MB\n`,
  );
}
const [one, many, small] = rows;
process.stdout.write(`\nspeed-up from 1 to ${all} workers: ${(one.seconds / many.seconds).toFixed(2)}x\n`);
process.stdout.write(`peak memory, 100,000 vs 10,000 runs (${all} workers): ${(many.maxRssMB / small.maxRssMB).toFixed(2)}x\n`);
process.stdout.write(`decisions per run: ${(one.decisions / one.runs).toFixed(2)}\n`);
