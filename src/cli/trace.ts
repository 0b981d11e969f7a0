/**
 * `negsim trace [FILE] --seed S --run R`: run R of seed S, round by round, in words — the same run the
 * Monte Carlo played as run R (it draws from the same generator), with the utilities behind every choice.
 */
import { traceText } from '../report/trace.js';
import { newRunRecord } from '../sim/run-record.js';
import { RunEngine } from '../sim/run.js';
import type { TraceEvent } from '../sim/trace-event.js';
import { intFlag, loadOrFail } from './common.js';
import type { Io } from './run.js';

export function traceCommand(args: { file?: string; seed?: unknown; run?: unknown; quiet?: boolean }, io: Io): void {
  const seed = intFlag('seed', args.seed ?? 1, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const run = intFlag('run', args.run ?? 0, 0, Number.MAX_SAFE_INTEGER);
  const scenario = loadOrFail(args.file, (w) => { if (!args.quiet) io.err(w + '\n'); });
  const engine = new RunEngine(scenario);
  const events: TraceEvent[] = [];
  engine.run(seed, run, newRunRecord(scenario), events);
  io.out(traceText(scenario, seed, run, events));
}
