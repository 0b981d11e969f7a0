/**
 * `negsim solve GAME.nfg --lambda L [--branch] [--nash] [--decimals D]`: a game in Gambit's .nfg
 * format solved by the simulator's logit-QRE solver, printed as gambit-logit prints it (and its pure
 * Nash equilibria as gambit-enumpure prints them). A file that cannot be read or parsed is an input
 * error: `FILE:line:column: error: ...`, exit 1.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Argv } from 'yargs';
import { QreLimitError } from '../model/logit-qre.js';
import { parseNfg, type NfgGame } from '../model/nfg.js';
import { DEFAULT_DECIMALS, nfgSolutionLines } from '../report/nfg-solution.js';
import { intFlag, UserError } from './common.js';
import { examples } from './help.js';
import type { Io } from './run.js';

/** A .nfg file larger than this is refused: 50 MB holds about 5 million payoffs, beyond any game the solver finishes. */
export const MAX_NFG_BYTES = 50e6;
/**
 * Largest lambda accepted. What bounds the solver is lambda x payoff range (model/qre/fixed-point-check.ts):
 * answers up to 1e8, beyond that nearly pure ones only; a game without an answer is refused with the reason.
 */
export const MAX_LAMBDA = 1e6;

export interface SolveArgs {
  game?: string;
  lambda?: unknown;
  branch?: boolean;
  nash?: boolean;
  decimals?: unknown;
}

export function solveOptions(y: Argv): Argv<SolveArgs> {
  return y
    .positional('game', { type: 'string', describe: "a normal-form game in Gambit's .nfg format (payoff or outcome list)" })
    .option('lambda', { alias: 'l', type: 'string', describe: 'rationality of the logit QRE (>= 0); prints lambda,p1,p2,... as gambit-logit -q -e -l does' })
    .option('branch', { type: 'boolean', describe: 'print the points along the principal branch from lambda 0 up to --lambda' })
    .option('nash', { type: 'boolean', describe: 'print the pure-strategy Nash equilibria (NE,... lines, as gambit-enumpure)' })
    .option('decimals', { alias: 'd', type: 'string', default: String(DEFAULT_DECIMALS), describe: "digits printed, as gambit-logit's -d" })
    .epilogue(examples([
      ['negsim solve game.nfg --lambda 2', 'the QRE at lambda 2'],
      ['negsim solve game.nfg --lambda 10 --branch', 'the principal branch from 0 to 10'],
      ['negsim solve game.nfg --nash', 'the pure-strategy Nash equilibria'],
    ])) as unknown as Argv<SolveArgs>;
}

export function solveCommand(args: SolveArgs, io: Io): void {
  const file = args.game;
  if (!file) throw new UserError('name a game file, e.g. negsim solve game.nfg --lambda 1');
  const lambda = args.lambda === undefined ? undefined : lambdaFlag(args.lambda);
  if (lambda === undefined && !args.nash) {
    throw new UserError('say what to compute: --lambda L (the logit QRE at L), --nash (pure equilibria), or both. Example: negsim solve game.nfg --lambda 1');
  }
  if (args.branch && lambda === undefined) throw new UserError('--branch needs --lambda L: the branch is traced from 0 up to L');
  const decimals = intFlag('decimals', args.decimals ?? DEFAULT_DECIMALS, 1, 17);
  const nfg = readNfg(file);
  let lines: string[];
  try {
    lines = nfgSolutionLines(nfg, { lambda, branch: args.branch, nash: args.nash, decimals });
  } catch (e) {
    if (!(e instanceof QreLimitError)) throw e;
    throw new UserError(`${file}: ${e.message.replace(/^logit QRE: /, '')}`);
  }
  io.out(lines.length > 0 ? lines.join('\n') + '\n' : '');
  if (args.nash && !lines.some((l) => l.startsWith('NE,'))) io.err('negsim: the game has no pure-strategy Nash equilibrium.\n');
}

function lambdaFlag(value: unknown): number {
  const x = typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'number' ? value : NaN;
  if (!(x >= 0 && x <= MAX_LAMBDA)) {
    throw new UserError(`--lambda must be a number from 0 to ${MAX_LAMBDA}; got '${String(value)}'. Example: --lambda 1.5`);
  }
  return x;
}

/** Read and parse a .nfg file; every problem becomes a UserError naming the file and place. */
export function readNfg(file: string): NfgGame {
  let text: string;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UserError(`'${file}' is a directory, not a game file`);
    if (st.size > MAX_NFG_BYTES) throw new UserError(`game file '${file}' is too large (${st.size} bytes; the limit is 50 MB)`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`game file '${file}' not found; check the path (it is relative to the current directory)`);
    throw new UserError(`cannot read game file '${file}': ${(e as Error).message}`);
  }
  try {
    return parseNfg(text);
  } catch (e) {
    const msg = (e as Error).message;
    // parseNfg says `nfg line L, column C (token T): what`; show it as the other commands do.
    const m = /^nfg line (\d+), column (\d+) \(token (\d+)\): ([\s\S]*)$/.exec(msg);
    if (m) throw new UserError(`${file}:${m[1]}:${m[2]}: error: ${m[4]} (token ${m[3]})\nA Gambit .nfg file starts with NFG 1 R "title" { "player 1" "player 2" ... }; see the Gambit manual, "Game representation formats".`);
    throw new UserError(`${file}: error: ${msg.replace(/^nfg: /, '')}`);
  }
}
