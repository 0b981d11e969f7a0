/**
 * Parser for Gambit's strategic-game files (.nfg, version 1), in both of Gambit's forms:
 *
 * - payoff list: after the prologue, one payoff per player for every pure profile, profiles in
 *   "counting" order with player 1's strategy varying fastest;
 * - outcome list: a braced list of outcomes `{ "name" p_1, p_2, ... }` (commas optional), then one
 *   outcome number per profile in the same order (1-based; 0 is the null outcome, all payoffs 0).
 *
 * The prologue is `NFG 1 R "title" { "player" ... }`, then either the strategy names per player
 * `{ { "s1" "s2" } { ... } }` or their numbers `{ 2 3 }`, then an optional comment string. Numbers
 * may be integers, decimals (with exponent) or rationals `a/b`. Whitespace is free; text is in
 * double quotes, with \" for a quote. See the Gambit manual, "Game representation formats".
 *
 * Errors throw an Error saying what was expected and what was found, with line, column and token
 * number, e.g. `nfg line 5, column 12 (token 31): expected a payoff (number), found "x"`.
 *
 * @example
 * parseNfg('NFG 1 R "PD" { "A" "B" } { 2 2 } 3 3 5 0 0 5 1 1').game.payoffs;
 * // Float64Array [3, 3, 5, 0, 0, 5, 1, 1]
 */
import type { NormalFormGame } from './normal-form.js';

export interface NfgGame {
  title: string;
  /** the optional comment after the strategies ('' if absent) */
  comment: string;
  players: string[];
  /** strategyNames[i][k]: name of player i's k-th strategy ("1", "2", ... if the file gives counts) */
  strategyNames: string[][];
  game: NormalFormGame;
  /** which body the file had */
  form: 'payoff' | 'outcome';
}

type TokenKind = 'lbrace' | 'rbrace' | 'comma' | 'text' | 'number' | 'symbol' | 'end';

interface Token {
  kind: TokenKind;
  /** the text of a text token (unquoted) or the source text of the others */
  text: string;
  /** numeric value of a number token */
  value: number;
  line: number;
  column: number;
  /** 1-based position in the token stream */
  index: number;
}

/** Integers, decimals with optional exponent, and rationals a/b, as Gambit's lexer reads them. */
const NUMBER = /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|\d+\/\d+)$/;

function describe(tok: Token): string {
  switch (tok.kind) {
    case 'end':
      return 'the end of the file';
    case 'text':
      return `the text "${tok.text}"`;
    case 'lbrace':
      return "'{'";
    case 'rbrace':
      return "'}'";
    case 'comma':
      return "','";
    default:
      return `"${tok.text}"`;
  }
}

function fail(tok: Token, message: string): never {
  throw new Error(`nfg line ${tok.line}, column ${tok.column} (token ${tok.index}): ${message}`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  const push = (kind: TokenKind, tokText: string, value: number, l: number, c: number): void => {
    tokens.push({ kind, text: tokText, value, line: l, column: c, index: tokens.length + 1 });
  };
  const advance = (ch: string): void => {
    if (ch === '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
  };
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      advance(ch);
      i++;
      continue;
    }
    const l = line;
    const c = col;
    if (ch === '{' || ch === '}' || ch === ',') {
      push(ch === '{' ? 'lbrace' : ch === '}' ? 'rbrace' : 'comma', ch, NaN, l, c);
      advance(ch);
      i++;
      continue;
    }
    if (ch === '"') {
      let s = '';
      advance(ch);
      i++;
      let closed = false;
      while (i < text.length) {
        const d = text[i];
        if (d === '\\' && i + 1 < text.length && (text[i + 1] === '"' || text[i + 1] === '\\')) {
          s += text[i + 1];
          advance(d);
          advance(text[i + 1]);
          i += 2;
          continue;
        }
        advance(d);
        i++;
        if (d === '"') {
          closed = true;
          break;
        }
        s += d;
      }
      if (!closed) {
        throw new Error(
          `nfg line ${l}, column ${c} (token ${tokens.length + 1}): text opened here has no closing '"'`,
        );
      }
      push('text', s, NaN, l, c);
      continue;
    }
    let word = '';
    while (i < text.length && !/[\s{},"]/.test(text[i])) {
      word += text[i];
      advance(text[i]);
      i++;
    }
    if (NUMBER.test(word)) {
      const slash = word.indexOf('/');
      let value: number;
      if (slash >= 0) {
        const den = Number(word.slice(slash + 1));
        if (den === 0) {
          throw new Error(
            `nfg line ${l}, column ${c} (token ${tokens.length + 1}): rational "${word}" divides by zero`,
          );
        }
        value = Number(word.slice(0, slash)) / den;
      } else {
        value = Number(word);
      }
      push('number', word, value, l, c);
    } else {
      push('symbol', word, NaN, l, c);
    }
  }
  push('end', '', NaN, line, col);
  return tokens;
}

/** Parses a Gambit .nfg file (payoff-list or outcome-list form) into a NormalFormGame. */
export function parseNfg(text: string): NfgGame {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token => tokens[pos];
  const next = (): Token => tokens[pos < tokens.length - 1 ? pos++ : pos];
  const expect = (kind: TokenKind, what: string): Token => {
    const tok = next();
    if (tok.kind !== kind) fail(tok, `expected ${what}, found ${describe(tok)}`);
    return tok;
  };

  const head = next();
  if (head.kind !== 'symbol' || head.text !== 'NFG') {
    fail(head, `expected NFG (a Gambit strategic-game file starts with "NFG 1 R"), found ${describe(head)}`);
  }
  const version = next();
  if (version.kind !== 'number' || version.text !== '1') {
    fail(version, `expected the version number 1 after NFG, found ${describe(version)}`);
  }
  const kind = next();
  if (kind.kind !== 'symbol' || (kind.text !== 'R' && kind.text !== 'D')) {
    fail(kind, `expected R (or D) after "NFG 1", found ${describe(kind)}`);
  }
  const title = expect('text', 'the game title in double quotes').text;

  expect('lbrace', "'{' opening the list of players");
  const players: string[] = [];
  while (peek().kind === 'text') players.push(next().text);
  expect('rbrace', "a player name in double quotes or '}' closing the list of players");
  if (players.length === 0) fail(tokens[pos - 1], 'the game has no players');

  // Strategies: names per player, or counts.
  const open = expect('lbrace', "'{' opening the strategies");
  const strategyNames: string[][] = [];
  if (peek().kind === 'lbrace') {
    for (let i = 0; i < players.length; i++) {
      expect('lbrace', `'{' opening the strategies of player ${i + 1} ("${players[i]}")`);
      const names: string[] = [];
      while (peek().kind === 'text') names.push(next().text);
      const close = expect('rbrace', `a strategy name in double quotes or '}' for player ${i + 1}`);
      if (names.length === 0) fail(close, `player ${i + 1} ("${players[i]}") has no strategies`);
      strategyNames.push(names);
    }
  } else {
    for (let i = 0; i < players.length; i++) {
      const tok = next();
      if (tok.kind !== 'number' || !Number.isInteger(tok.value) || tok.value < 1) {
        fail(tok, `expected the number of strategies of player ${i + 1} ("${players[i]}"), a positive integer, found ${describe(tok)}`);
      }
      strategyNames.push(Array.from({ length: tok.value }, (_, k) => String(k + 1)));
    }
  }
  const close = next();
  if (close.kind !== 'rbrace') {
    fail(
      close,
      `expected '}' closing the strategies (the game has ${players.length} players, listed at line ${open.line}), found ${describe(close)}`,
    );
  }
  const comment = peek().kind === 'text' ? next().text : '';

  const strategies = strategyNames.map((s) => s.length);
  const nPlayers = players.length;
  let nProfiles = 1;
  for (const k of strategies) nProfiles *= k;
  // Each profile needs at least one more token (an outcome number), so a game larger than the rest
  // of the file cannot be complete: say so before allocating its table.
  if (nProfiles > tokens.length - pos) {
    fail(
      peek(),
      `the strategies make ${nProfiles} profiles (${strategies.join(' x ')}), but only ${tokens.length - pos - 1} tokens follow`,
    );
  }
  const payoffs = new Float64Array(nProfiles * nPlayers);
  let form: 'payoff' | 'outcome';

  if (peek().kind === 'lbrace') {
    form = 'outcome';
    next();
    const outcomes: Float64Array[] = [];
    while (peek().kind === 'lbrace') {
      next();
      const number = outcomes.length + 1;
      expect('text', `the name of outcome ${number} in double quotes`);
      const values = new Float64Array(nPlayers);
      for (let i = 0; i < nPlayers; i++) {
        const tok = next();
        if (tok.kind !== 'number') {
          fail(tok, `expected the payoff of player ${i + 1} in outcome ${number} (a number), found ${describe(tok)}`);
        }
        values[i] = tok.value;
        if (peek().kind === 'comma') next();
      }
      const end = next();
      if (end.kind !== 'rbrace') {
        fail(end, `expected '}' closing outcome ${number} after its ${nPlayers} payoffs, found ${describe(end)}`);
      }
      outcomes.push(values);
    }
    expect('rbrace', "'{' opening an outcome or '}' closing the list of outcomes");
    for (let p = 0; p < nProfiles; p++) {
      const tok = next();
      if (tok.kind !== 'number' || !Number.isInteger(tok.value) || tok.value < 0 || tok.value > outcomes.length) {
        fail(
          tok,
          `expected the outcome number of profile ${p + 1} of ${nProfiles} (0 to ${outcomes.length}), found ${describe(tok)}`,
        );
      }
      if (tok.value > 0) payoffs.set(outcomes[tok.value - 1], p * nPlayers);
    }
  } else {
    form = 'payoff';
    for (let j = 0; j < payoffs.length; j++) {
      const tok = next();
      if (tok.kind !== 'number') {
        const p = Math.floor(j / nPlayers);
        fail(
          tok,
          `expected payoff ${j + 1} of ${payoffs.length} (player ${(j % nPlayers) + 1} at profile ${p + 1} of ${nProfiles}), a number, found ${describe(tok)}`,
        );
      }
      payoffs[j] = tok.value;
    }
  }
  const last = next();
  if (last.kind !== 'end') {
    fail(
      last,
      `expected the end of the file after the ${form === 'payoff' ? `${payoffs.length} payoffs` : `${nProfiles} outcome numbers`}, found ${describe(last)}`,
    );
  }
  for (let j = 0; j < payoffs.length; j++) {
    if (!Number.isFinite(payoffs[j])) {
      throw new Error(`nfg: payoff ${j + 1} is ${payoffs[j]}; payoffs must be finite numbers`);
    }
  }
  return { title, comment, players, strategyNames, game: { strategies, payoffs }, form };
}
