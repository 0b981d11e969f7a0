/**
 * Benchmark of the logit-QRE solver: microseconds per solve (one solver object reused, as in the
 * simulator's hot loop; median and minimum of 7 timing rounds), with the mean number of path steps,
 * H evaluations and rejected steps per solve.
 *
 *     node --import tsx scripts/bench-qre.ts [--quick]
 *
 * Cases: (a) the 2x2 fixtures at their lambdas, (b) the 3x3 two-player fixture, (c) random 2-player
 * 3x3 games with payoffs in [0, 1] at lambda 20, (d) random 4-player 2-strategy games at lambda 10,
 * plus random 2x2 and 2x3 games at lambda 20 and 6-player 3-strategy games at lambda 10. Random
 * games come from seedrandom's xor4096 with fixed seeds, so every run times the same games.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { LogitQreSolver } from '../src/model/logit-qre.js';
import { gameFromFixture, profileCount, type NormalFormGame, type QreFixture } from '../src/model/normal-form.js';

const quick = process.argv.includes('--quick');
const fixtureDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'qre');

interface Job {
  game: NormalFormGame;
  lambda: number;
}

function fixtureJobs(name: string): Job[] {
  const fx = JSON.parse(readFileSync(join(fixtureDir, `${name}.json`), 'utf8')) as QreFixture;
  const game = gameFromFixture(fx);
  return fx.qre.map((p) => ({ game, lambda: p.reported_lambda }));
}

function randomJobs(strategies: number[], lambda: number, count: number, seed: string): Job[] {
  const rng = seedrandom.xor4096(seed);
  const jobs: Job[] = [];
  const len = profileCount(strategies) * strategies.length;
  for (let g = 0; g < count; g++) {
    const payoffs = new Float64Array(len);
    for (let j = 0; j < len; j++) payoffs[j] = rng();
    jobs.push({ game: { strategies, payoffs }, lambda });
  }
  return jobs;
}

function bench(label: string, jobs: Job[], minMillis: number): void {
  const solver = new LogitQreSolver();
  let maxLen = 0;
  for (const j of jobs) maxLen = Math.max(maxLen, j.game.strategies.reduce((a, b) => a + b, 0));
  const out = new Float64Array(maxLen);
  // Warm up (JIT) and count work per solve.
  let steps = 0;
  let evals = 0;
  let rejected = 0;
  for (const j of jobs) {
    solver.solve(j.game, j.lambda, out);
    steps += solver.stats.steps;
    evals += solver.stats.evaluations;
    rejected += solver.stats.rejected;
  }
  for (let r = 0; r < 3; r++) for (const j of jobs) solver.solve(j.game, j.lambda, out);
  // Several rounds, reporting the median: robust to other processes sharing the machine.
  const rounds: number[] = [];
  let sink = 0;
  for (let round = 0; round < 7; round++) {
    let solves = 0;
    const t0 = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < (minMillis / 7) * 1e6) {
      for (const j of jobs) sink += solver.solve(j.game, j.lambda, out)[0];
      solves += jobs.length;
      elapsed = Number(process.hrtime.bigint() - t0);
    }
    rounds.push(elapsed / 1e3 / solves);
  }
  rounds.sort((a, b) => a - b);
  const n = jobs.length;
  console.log(
    `${label.padEnd(44)} ${rounds[3].toFixed(2).padStart(7)} us/solve (min ${rounds[0].toFixed(2).padStart(6)})` +
      `   steps ${(steps / n).toFixed(1).padStart(4)}   evals ${(evals / n).toFixed(1).padStart(5)}` +
      `   rejected ${(rejected / n).toFixed(2)}` +
      (sink === 12345.678 ? ' ' : ''),
  );
}

const ms = quick ? 200 : 1500;
const games = quick ? 200 : 1000;
console.log(`logit QRE solver, Node ${process.version}; median of 7 rounds, ${ms} ms per case`);
bench('(a) 2x2 fixtures (attend, ceasefire), 6 lambdas', [...fixtureJobs('attend-2x2'), ...fixtureJobs('ceasefire-pd')], ms);
bench('(b) 3x3 fixture accept-continue-withdraw', fixtureJobs('accept-continue-withdraw'), ms);
bench('(c) random 2p 3x3, payoffs [0,1], lambda 20', randomJobs([3, 3], 20, games, 'c'), ms);
bench('(d) random 4p x 2, payoffs [0,1], lambda 10', randomJobs([2, 2, 2, 2], 10, games, 'd'), ms);
bench('    random 2x2, payoffs [0,1], lambda 20', randomJobs([2, 2], 20, games, '2x2'), ms);
bench('    random 2x3, payoffs [0,1], lambda 20', randomJobs([2, 3], 20, games, '2x3'), ms);
bench('    random 2x2, payoffs [0,1], lambda 5', randomJobs([2, 2], 5, games, '2x2-5'), ms);
bench('    3p 3x3x3 fixture random-3p-3a', fixtureJobs('random-3p-3a'), ms);
bench('    random 6p x 3, payoffs [0,1], lambda 10', randomJobs([3, 3, 3, 3, 3, 3], 10, quick ? 20 : 100, '6p'), ms);
