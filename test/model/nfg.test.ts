import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseNfg } from '../../src/model/nfg.js';
import { gameFromFixture, payoff, profileIndex, type QreFixture } from '../../src/model/normal-form.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtureDir = resolve(repoRoot, 'test', 'fixtures', 'qre');

function fixtureNames(): string[] {
  if (!existsSync(fixtureDir)) {
    throw new Error(
      `QRE fixtures not found: expected the folder ${fixtureDir} (test/fixtures/qre in the ` +
        'repository) with the .nfg games and their .json twins',
    );
  }
  const names = readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.nfg'))
    .map((f) => f.slice(0, -4))
    .sort();
  if (names.length === 0) throw new Error(`QRE fixtures: no *.nfg files in ${fixtureDir}`);
  return names;
}

test('each fixture .nfg parses to the payoffs, players and strategy names of its .json', () => {
  const names = fixtureNames();
  assert.ok(names.length >= 5, `${names.length} fixtures`);
  for (const name of names) {
    const parsed = parseNfg(readFileSync(resolve(fixtureDir, `${name}.nfg`), 'utf8'));
    const json = JSON.parse(readFileSync(resolve(fixtureDir, `${name}.json`), 'utf8')) as QreFixture;
    const game = gameFromFixture(json);
    assert.is(parsed.form, 'payoff', name);
    assert.is(parsed.title, json.title, name);
    assert.equal(parsed.players, json.players, name);
    assert.equal(parsed.strategyNames, json.strategies, name);
    assert.equal(parsed.game.strategies, game.strategies, name);
    assert.equal(Array.from(parsed.game.payoffs), Array.from(game.payoffs), name);
  }
});

test('the payoff list is in Gambit order: player 1 fastest (3-player fixture, profile (Boycott, Attend, Attend))', () => {
  const parsed = parseNfg(readFileSync(resolve(fixtureDir, 'attend-3p.nfg'), 'utf8'));
  // Profile index 1 is (Boycott, Attend, Attend): payoffs 0.8 -0.2 0.1 in the fixture's JSON.
  assert.equal(Array.from(parsed.game.payoffs.subarray(3, 6)), [0.8, -0.2, 0.09999999999999998]);
  assert.is(profileIndex(parsed.game.strategies, [1, 0, 0]), 1);
  assert.is(profileIndex(parsed.game.strategies, [0, 1, 1]), 6);
  // (Attend, Boycott, Boycott): Gov -0.5, SNC 0.8, Kurds 0.8.
  assert.equal([0, 1, 2].map((i) => payoff(parsed.game, [0, 1, 1], i)), [-0.5, 0.8, 0.8]);
});

// The ceasefire prisoner's dilemma of the fixtures, written by hand in the outcome-list form.
const ceasefireOutcomes = `NFG 1 R "Ceasefire as a prisoner's dilemma" { "Government" "Opposition" }
{ { "Comply" "Violate" } { "Comply" "Violate" } }
"written by hand: outcomes, then one outcome number per profile"

{
{ "both comply" 3, 3 }
{ "government violates" 5, 0 }
{ "opposition violates" 0, 5 }
{ "both violate" 1 1 }
}
1 2 3 4
`;

test('an outcome-list game parses to the same payoffs as its payoff-list twin', () => {
  const outcomeForm = parseNfg(ceasefireOutcomes);
  const payoffForm = parseNfg(readFileSync(resolve(fixtureDir, 'ceasefire-pd.nfg'), 'utf8'));
  assert.is(outcomeForm.form, 'outcome');
  assert.is(outcomeForm.comment, 'written by hand: outcomes, then one outcome number per profile');
  assert.is(outcomeForm.title, payoffForm.title);
  assert.equal(outcomeForm.players, payoffForm.players);
  assert.equal(outcomeForm.strategyNames, payoffForm.strategyNames);
  assert.equal(outcomeForm.game.strategies, payoffForm.game.strategies);
  assert.equal(Array.from(outcomeForm.game.payoffs), Array.from(payoffForm.game.payoffs));
  assert.equal(Array.from(outcomeForm.game.payoffs), [3, 3, 5, 0, 0, 5, 1, 1]);
});

test('outcome 0 is the null outcome (all zeros), and an outcome may serve several profiles', () => {
  const text = 'NFG 1 R "pennies" { "A" "B" } { 2 2 }\n{ { "A wins" 1, -1 } { "B wins" -1, 1 } }\n1 2 0 1';
  assert.equal(Array.from(parseNfg(text).game.payoffs), [1, -1, -1, 1, 0, 0, 1, -1]);
});

test("strategy counts instead of names (Gambit's sample e02.nfg), rationals, decimals and exponents", () => {
  const e02 = 'NFG 1 R "Selten (IJGT, 75), Figure 2, normal form"\n{ "Player 1" "Player 2" } { 3 2 }\n\n1 1 0 2 0 2 1 1 0 3 2 0\n';
  const parsed = parseNfg(e02);
  assert.equal(parsed.strategyNames, [['1', '2', '3'], ['1', '2']]);
  assert.equal(parsed.game.strategies, [3, 2]);
  assert.equal(Array.from(parsed.game.payoffs), [1, 1, 0, 2, 0, 2, 1, 1, 0, 3, 2, 0]);
  const numbers = parseNfg('NFG 1 D "n" { "a" "b" } { 2 2 } 1/2 -3e2 .5 +4 1.5E-1 -0 7 2.');
  assert.equal(Array.from(numbers.game.payoffs), [0.5, -300, 0.5, 4, 0.15, -0, 7, 2]);
});

test('quoted text keeps spaces and escaped quotes; whitespace and line breaks are free', () => {
  const parsed = parseNfg('NFG\n1\nR\n"The \\"big\\" game"\n{"Player one"\n"P2"}{{"go on" "stop"}{"x"}}1 2 3 4');
  assert.is(parsed.title, 'The "big" game');
  assert.equal(parsed.players, ['Player one', 'P2']);
  assert.equal(parsed.strategyNames, [['go on', 'stop'], ['x']]);
  assert.equal(Array.from(parsed.game.payoffs), [1, 2, 3, 4]);
});

test('malformed input: the error says what is wrong and where (line, column, token)', () => {
  const cases: [string, RegExp][] = [
    ['', /line 1, column 1 \(token 1\): expected NFG .* found the end of the file/],
    ['EFG 2 R "tree" { "a" }', /line 1, column 1 \(token 1\): expected NFG/],
    ['NFG 2 R "x" { "a" } { 1 } 0', /token 2\): expected the version number 1 after NFG, found "2"/],
    ['NFG 1 R "x" { "a" "b" } { 2 2 }\n1 2 3', /line 2, column 6 \(token 16\): expected payoff 4 of 8 \(player 2 at profile 2 of 4\), a number, found the end of the file/],
    ['NFG 1 R "x" { "a" "b" } { 2 2 }\n1 2 3 4\n5 6 seven 8', /line 3, column 5 \(token 19\): expected payoff 7 of 8 .* found "seven"/],
    ['NFG 1 R "x" { "a" "b" } { 2 2 } 1 2 3 4 5 6 7 8 9', /expected the end of the file after the 8 payoffs, found "9"/],
    ['NFG 1 R "x" { "a" "b" } { 2 2 }\n{ { "o" 1, 2 } }\n1 1 1 2', /line 3, column 7 \(token 24\): expected the outcome number of profile 4 of 4 \(0 to 1\), found "2"/],
    ['NFG 1 R "x" { "a" "b" } { 2 2 }\n{ { "o" 1 } }\n1 1 1 1', /line 2, column 11 .* expected the payoff of player 2 in outcome 1 \(a number\), found '\}'/],
    ['NFG 1 R "x" { "a" "b" } { 2 0 } 1', /expected the number of strategies of player 2 \("b"\), a positive integer, found "0"/],
    ['NFG 1 R "x" { "a" "b" } { { "s" } } 1 2', /expected '\{' opening the strategies of player 2 \("b"\), found '\}'/],
    ['NFG 1 R "x" { "a" } { { } } ', /player 1 \("a"\) has no strategies/],
    ['NFG 1 R "unterminated { "a" } { 1 } 0', /line 1, column 27 \(token 6\): text opened here has no closing '"'/],
    ['NFG 1 R "x" { "a" "b" } { 2 2 } 1/0 2 3 4 5 6 7 8', /rational "1\/0" divides by zero/],
    ['NFG 1 R "x" { } { } ', /the game has no players/],
    ['NFG 1 R "big" { "a" "b" } { 100000 100000 } 1 2 3', /the strategies make 10000000000 profiles \(100000 x 100000\), but only 3 tokens follow/],
  ];
  for (const [text, message] of cases) {
    let error: unknown = null;
    try {
      parseNfg(text);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof Error, `no error for ${JSON.stringify(text)}`);
    assert.match((error as Error).message, message);
  }
});

test.run();
