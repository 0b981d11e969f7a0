/**
 * Small cases whose answers are drawn from the model's own forecasts at a planted parameter value, for
 * the tests of negsim fit: if the fit is right, it recovers the value within its interval.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { loadScenario } from '../../src/scenario/load.js';
import { withModelDefaults } from '../../src/scenario/model-defaults.js';
import { monteCarlo } from '../../src/sim/monte-carlo.js';

const QUESTIONS = [
  'deal: { ask: agreement',
  'a_out: { ask: withdraws, actor: a',
  'b_out: { ask: withdraws, actor: b',
  'truce_ok: { ask: accepted, measure: truce',
  'truce_2: { ask: held, measure: truce, rounds: 2',
  'stall: { ask: stalemate',
];

/** Case i: two armed parties on one issue and a cease-fire; positions, capabilities and rounds vary with i. */
export function plantedYaml(i: number, answers?: readonly boolean[], model = ''): string {
  const posA = [10, 20, 30, 15, 25, 35, 5, 40][i % 8], posB = [80, 70, 90, 60, 75, 85, 65, 95][i % 8];
  const capA = [0.6, 0.5, 0.7, 0.4, 0.55, 0.65, 0.3, 0.8][i % 8], capB = [0.5, 0.6, 0.4, 0.7, 0.45, 0.5, 0.8, 0.3][i % 8];
  return `id: planted-${i}
title: Planted case ${i}
as_of: ${2001 + i}-01-01
rounds: ${3 + (i % 3)}${model ? `\nmodel: { ${model} }` : ''}
issues:
  x: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, armed: true, capability: ${capA}, position: { x: ${posA} }, salience: { x: 0.8 } }
  b: { name: B, role: party, armed: true, capability: ${capB}, position: { x: ${posB} }, salience: { x: 0.6 } }
measures:
  truce: { kind: ceasefire, offered_by: a, between: [a, b], at: before }
observed:
  as_of: ${2001 + i}-06-01
  questions:
${QUESTIONS.map((q, k) => `    ${q}, answer: ${answers?.[k] ? 'yes' : 'no'} }`).join('\n')}
`;
}

/**
 * Writes `cases` planted cases into `dir`: each question's answer drawn (generator seeded by `answerSeed`)
 * as yes with the probability the model gives it at lambda = `lambda` (its share of `runs` runs, seed 99).
 * Returns the files. `model`: keys written into each case's model block (pinned values other than lambda).
 */
export async function writePlanted(dir: string, cases: number, lambda: number, answerSeed: string, runs = 2000, model = ''): Promise<string[]> {
  const rng = seedrandom.xor4096(answerSeed);
  const files: string[] = [];
  for (let i = 0; i < cases; i++) {
    const file = join(dir, `planted-${i}.yaml`);
    writeFileSync(file, plantedYaml(i, undefined, model));
    const s = withModelDefaults(loadScenario(file).scenario!, { lambda }).scenario!;
    const tally = await monteCarlo(s, { runs, seed: 99, workers: 1 });
    const answers = QUESTIONS.map((_, k) => rng() < tally.questions[k] / runs);
    writeFileSync(file, plantedYaml(i, answers, model));
    files.push(file);
  }
  return files;
}
