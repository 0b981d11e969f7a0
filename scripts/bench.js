// npm run bench: start-up of the commands (below), then speed and memory of the Monte Carlo on the bundled
// Geneva II scenario, measured here.
// Each configuration runs in a fresh child process (so peak memory is its own), from the built dist/:
// 10^4, 10^5 and 10^6 runs on all workers (time must grow linearly, peak memory stay flat), and 10^5 runs
// on one worker and on all, three times in alternation, for the speed-up (each ratio and their median);
// then the speed-up at 10^6 runs (one worker against the 10^6 row), where each thread's one-time cost --
// starting, and V8 compiling the hot code, work that competes for the same two cores when both threads
// are busy -- is spread over ten times the runs.
//   runs per second        runs / wall time of the Monte Carlo (worker start-up included)
//   decisions per second   actor-decisions (choices drawn from stage-game equilibria) / wall time
//   peak memory            the child process's maximum resident set size
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
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

// Start-up: wall time of whole commands as a user runs them (node bin/negsim.js ...), start to exit, against a
// bare `node -e 0` measured in the same rounds. Seven rounds; each round runs every command once, in turn, so
// that a busy minute weighs on all of them alike; each figure is the median of its seven, with the slowest
// beside it as a sign of how noisy the machine was (and the load average before and after). Beside the wall
// time, the CPU time the command used (user + system, all its threads; from /proc/self/stat's cutime and
// cstime, in 10 ms ticks), which a busy machine inflates far less than the wall time.
// `npm run bench -- --startup` measures only this.
const bin = fileURLToPath(new URL('../bin/negsim.js', import.meta.url));

/** 350 issues of 30 actors, always the same (mulberry32, seed 16): positions 0-100, capability, salience. */
function forecastCsv() {
  let a = 16;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rows = ['issue,actor,capability,position,salience'];
  for (let i = 1; i <= 350; i++) {
    for (let k = 1; k <= 30; k++) rows.push(`i${i},a${k},${(0.02 + 0.98 * rnd()).toFixed(3)},${Math.round(rnd() * 100)},${(0.05 + 0.95 * rnd()).toFixed(2)}`);
  }
  return rows.join('\n') + '\n';
}

/** CPU seconds used by this process's waited-for children so far (Linux), or NaN. */
function childrenCpu() {
  if (!existsSync('/proc/self/stat')) return NaN;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from field 3, state
  return (Number(f[13]) + Number(f[14])) / 100; // fields 16 cutime, 17 cstime, in USER_HZ = 100 ticks
}

function startup() {
  const dir = mkdtempSync(join(tmpdir(), 'negsim-bench-'));
  const csv = join(dir, 'forecast-350x30.csv');
  writeFileSync(csv, forecastCsv());
  const commands = [
    { label: 'node -e 0', argv: ['-e', '0'] },
    { label: 'negsim --version', argv: [bin, '--version'], target: 0.3 },
    { label: 'negsim validate scenarios/geneva-2014.yaml', argv: [bin, 'validate', 'scenarios/geneva-2014.yaml'], target: 0.5 },
    { label: 'negsim run --runs 1000', argv: [bin, 'run', '--runs', '1000'], target: 1 },
    { label: 'negsim forecast (350 issues x 30 actors)', argv: [bin, 'forecast', csv, '--model', 'all'], target: 1 },
  ];
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  const times = commands.map(() => []);
  const cpu = commands.map(() => []);
  const loadBefore = loadavg()[0];
  for (let round = 0; round < 7; round++) {
    commands.forEach((c, k) => {
      const c0 = childrenCpu();
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, c.argv, { cwd, encoding: 'utf8' });
      times[k].push(Number(process.hrtime.bigint() - t0) / 1e9);
      cpu[k].push(childrenCpu() - c0);
      if (r.status !== 0) throw new Error(`${c.label} failed (exit ${r.status}): ${r.stderr}`);
    });
  }
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`Start-up (wall time, median of 7 rounds, slowest in brackets; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after)\n`);
  const median = (v) => [...v].sort((x, y) => x - y)[3];
  commands.forEach((c, k) => {
    const wall = median(times[k]);
    const verdict = c.target === undefined ? '' : `   target <= ${c.target} s: ${wall <= c.target ? 'met' : 'NOT met'}`;
    process.stdout.write(`  ${c.label.padEnd(44)} ${wall.toFixed(2)} s [${Math.max(...times[k]).toFixed(2)}], cpu ${median(cpu[k]).toFixed(2)} s${verdict}\n`);
  });
}

startup();
if (args.includes('--startup')) process.exit(0);
process.stdout.write('\n');

const all = availableParallelism();
// `npm run bench -- --max-runs 100000` skips the 10^6 rows (about 2 minutes of the bench's 3).
const maxAt = args.indexOf('--max-runs');
const maxRuns = maxAt >= 0 ? Number(args[maxAt + 1]) : 1_000_000;
const line = (m) =>
  `${String(m.runs).padStart(9)} runs, ${m.workers} worker${m.workers === 1 ? ' ' : 's'}: ` +
  `${m.seconds.toFixed(2).padStart(7)} s, ${Math.round(m.runs / m.seconds).toLocaleString('en-US').padStart(7)} runs/s, ` +
  `${Math.round(m.decisions / m.seconds).toLocaleString('en-US').padStart(9)} decisions/s, ` +
  `peak memory ${m.maxRssMB.toFixed(0)} MB\n`;

// Scale: 10^4, 10^5, 10^6 runs with all workers. Time must grow linearly, peak memory stay flat.
process.stdout.write(`Scale (${all} workers)\n`);
const scale = [];
for (const runs of [10_000, 100_000, 1_000_000].filter((r) => r <= maxRuns)) {
  const m = measure(runs, all);
  scale.push(m);
  process.stdout.write(line(m));
}
// (Taken right after the 10^6 row, so that both see the machine as alike as it gets.)
const oneBig = maxRuns >= 1_000_000 ? measure(1_000_000, 1) : null;
const first = scale[0];
for (const m of scale.slice(1)) {
  process.stdout.write(`  ${m.runs} vs ${first.runs} runs: time ${(m.seconds / first.seconds).toFixed(1)}x for ${m.runs / first.runs}x the runs ` +
    `(${(m.seconds / m.runs * 1e6).toFixed(0)} vs ${(first.seconds / first.runs * 1e6).toFixed(0)} µs a run); ` +
    `peak memory ${(m.maxRssMB / first.maxRssMB).toFixed(2)}x${m.runs === 1_000_000 ? ' (target <= 1.2x)' : ''}\n`);
}

// Speed-up: the same 10^5 runs on one worker and on all, in three alternating pairs, since this kind of
// machine drifts by 10-20% from minute to minute: each pair's ratio, and their median.
process.stdout.write('\nSpeed-up (three pairs, taken one right after the other)\n');
const ratios = [];
let one;
for (let k = 0; k < 3; k++) {
  one = measure(100_000, 1);
  const many = measure(100_000, all);
  process.stdout.write(line(one));
  process.stdout.write(line(many));
  ratios.push(one.seconds / many.seconds);
}
const median = [...ratios].sort((a, b) => a - b)[1];
// The target (1.7x on 2 workers) is judged at 10^6 runs, where the threads' one-time start-up and JIT
// compile (about 0.5 s on 2 workers, 0.3 s on one) weigh little; at 10^5, a 3-second job, they weigh a sixth.
process.stdout.write(`speed-up from 1 to ${all} workers at 100000 runs: ${ratios.map((r) => r.toFixed(2) + 'x').join(', ')}; median ${median.toFixed(2)}x` +
  ` (start-up and JIT compile included; the target is judged at 10^6 runs)\n`);
const big = scale.find((m) => m.runs === 1_000_000);
if (big && oneBig) {
  process.stdout.write(line(oneBig));
  process.stdout.write(line(big));
  process.stdout.write(`speed-up from 1 to ${all} workers at 1000000 runs: ${(oneBig.seconds / big.seconds).toFixed(2)}x${all === 2 ? ' (target >= 1.7x)' : ''}\n`);
}
process.stdout.write(`decisions per run: ${(one.decisions / one.runs).toFixed(2)}\n`);
