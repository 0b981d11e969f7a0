/**
 * Scenario expressions (red lines, preconditions, exit triggers): mathjs text in, `ExprIR` out.
 *
 * Strangers' scenario files must be safe to load, and mathjs's full language is not: it has
 * assignment, function definition, `import`, `createUnit`, strings, matrices, units and ranges
 * (`1:1e9` exhausts memory in a way that cannot be caught). Disabling functions is not enough
 * (mathjs security page, https://mathjs.org/docs/expressions/security.html), so this module only
 * *parses* with mathjs and never evaluates: it walks the parse tree, accepts a whitelist of node
 * types and turns them into `ExprIR`, which expr-ir.ts compiles to a closure over numbers.
 *
 * Accepted: finite numbers, `true`/`false`, `pi`, `e`, names in scope, parentheses, `+ - * / ^ mod`,
 * unary `-` and `+`, `< <= > >= == !=` (chains such as `20 <= x < 80` read as
 * `20 <= x and x < 80`, as in mathjs), `and or xor not`, `c ? a : b`, and the functions of
 * expr-ir.ts FUNCTIONS. Everything else is refused with a message naming the construct.
 *
 * Implicit multiplication (`2x`, `2 (x + 1)`, `x y`) is refused, always: mathjs gives `1/2x` a
 * precedence readers do not expect, and `5 cm` would read as a unit. Write the `*`.
 *
 * Static types: every sub-expression is a number or a boolean. Arithmetic, comparisons `< <= > >=`
 * and function arguments need numbers; `and or xor not` and the condition of `?:` need booleans;
 * `== !=` need two of a kind; both branches of `?:` must agree. A condition (`want: 'boolean'`)
 * must be boolean at the top, a term (`want: 'number'`) a number.
 *
 * Start-up: the parser comes from the number-only entry `mathjs/number`, built from
 * `parseDependencies` alone. Measured on Node 20 here (import + create + first parse, medians of
 * 5-6 runs): 0.38-0.5 s, against 0.9-1.0 s for `create(all)` from the full bundle; importing the
 * `parse` factory files directly would take about 0.3 s but needs paths the package's `exports`
 * map does not publish.
 */
import { create, parseDependencies } from 'mathjs/number';
import type { MathNode } from 'mathjs';
import { FUNCTIONS, type BinaryOp, type ExprIR, type FunctionName } from './expr-ir.js';
import { didYouMean } from './nearest.js';

export const MAX_EXPRESSION_LENGTH = 500;
export const MAX_EXPRESSION_DEPTH = 64;

export type ExprType = 'boolean' | 'number';

export type ParseResult =
  | { ok: true; ir: ExprIR }
  | { ok: false; message: string; hint?: string; offset?: number };

export interface ParseOptions {
  /**
   * Names that exist elsewhere but not here, with why: e.g. `deviation` -> "is only available in
   * exit expressions". Used for the message when such a name is used out of place.
   */
  elsewhere?: ReadonlyMap<string, string>;
}

/** mathjs functions that can change or escape the expression engine (mathjs security page). */
const DANGEROUS = new Set([
  'import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'simplifyConstant', 'simplifyCore',
  'derivative', 'resolve', 'reviver', 'replacer', 'rationalize', 'leafCount', 'chain', 'parser', 'help',
  'config', 'typed', 'create', 'factory', 'Function', 'eval', 'require', 'process', 'globalThis',
]);

/** Names that reach JavaScript object internals; never valid, whatever the scope says. */
const PROTO_NAMES = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__',
  '__lookupGetter__', '__lookupSetter__']);

const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

const BINARY: Record<string, BinaryOp> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^', mod: 'mod',
  smaller: '<', smallerEq: '<=', larger: '>', largerEq: '>=', equal: '==', unequal: '!=',
  and: 'and', or: 'or', xor: 'xor',
};
const ARITHMETIC = new Set<BinaryOp>(['+', '-', '*', '/', '^', 'mod']);
const ORDER = new Set<BinaryOp>(['<', '<=', '>', '>=']);
const LOGIC = new Set<BinaryOp>(['and', 'or', 'xor']);

/** Operators mathjs parses that negsim refuses, by mathjs function name, with a readable name. */
const REFUSED_OPERATORS: Record<string, string> = {
  bitAnd: "bitwise and '&'", bitOr: "bitwise or '|'", bitXor: "bitwise xor '^|'", bitNot: "bitwise not '~'",
  leftShift: "shift '<<'", rightArithShift: "shift '>>'", rightLogShift: "shift '>>>'",
  factorial: "factorial '!'", ctranspose: "transpose \"'\"", transpose: "transpose \"'\"",
  dotMultiply: "element-wise '.*'", dotDivide: "element-wise './'", dotPow: "element-wise '.^'",
  to: "unit conversion ('to' / 'in')", nullish: "nullish coalescing '??'",
};

let math: { parse: (expr: string) => MathNode } | undefined;

/** The parser, built on first use (so importing this module costs nothing until it is needed). */
function parser(): { parse: (expr: string) => MathNode } {
  math ??= create({ parseDependencies }) as unknown as { parse: (expr: string) => MathNode };
  return math;
}

class Refusal {
  constructor(readonly message: string, readonly hint?: string, readonly offset?: number) {}
}

interface Typed {
  ir: ExprIR;
  type: ExprType;
}

/**
 * Parse `text` into an `ExprIR` over the names in `scope`, checking that it is of type `want`.
 * Never throws for bad text.
 *
 * @example parseExpression('assad_role >= 80', ['assad_role'], 'boolean')
 *   // -> {ok: true, ir: {t: 'binary', op: '>=', left: {t: 'var', name: 'assad_role'}, right: {t: 'num', v: 80}}}
 * @example parseExpression('x = 1', ['x'], 'boolean').ok === false // assignment refused
 */
export function parseExpression(
  text: string,
  scope: readonly string[],
  want: ExprType,
  opts: ParseOptions = {},
): ParseResult {
  if (typeof text !== 'string') return { ok: false, message: 'an expression must be a string' };
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return {
      ok: false,
      message: `expression is too long (${text.length} characters; the limit is ${MAX_EXPRESSION_LENGTH})`,
      hint: 'split the condition, or name a threshold with `with:`',
      offset: MAX_EXPRESSION_LENGTH,
    };
  }
  if (text.trim() === '') return { ok: false, message: 'empty expression', hint: want === 'boolean' ? "write a condition such as 'assad_role <= 15'" : undefined };
  // Checked on the text because mathjs turns `5%` into `5/100` without a trace in the tree.
  const pct = text.indexOf('%');
  if (pct >= 0) {
    return { ok: false, message: "'%' is not allowed (mathjs reads it as a percentage or a remainder)", hint: "write 'mod' for the remainder; issue positions are already on a 0-100 scale", offset: pct };
  }
  // Checked on the text too, so the refusal points at the parenthesis that goes one level too deep.
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open++;
    else if (text[i] === ')') open--;
    if (open > MAX_EXPRESSION_DEPTH) {
      return { ok: false, message: `expression is nested too deeply (more than ${MAX_EXPRESSION_DEPTH} levels)`, hint: 'simplify it', offset: i };
    }
  }
  let node: MathNode;
  try {
    node = parser().parse(text);
  } catch (e) {
    const err = e as { message?: string; char?: number };
    const msg = String(err.message ?? e).replace(/\s*\(char \d+\)\s*$/, '');
    const offset = typeof err.char === 'number' ? Math.max(0, Math.min(text.length, err.char - 1)) : undefined;
    return { ok: false, message: `syntax error: ${lowerFirst(msg)}`, offset };
  }
  const conv = new Converter(text, new Set(scope), opts);
  try {
    const r = conv.convert(node, 1);
    if (r.type !== want) {
      return want === 'boolean'
        ? { ok: false, message: `a condition must be true or false, but '${text.trim()}' is a number`, hint: "compare it with something, e.g. 'assad_role >= 50'" }
        : { ok: false, message: `expected a number, but '${text.trim()}' is a condition (true or false)`, hint: "use 'c ? 1 : 0' to turn a condition into a number" };
    }
    return { ok: true, ir: r.ir };
  } catch (e) {
    if (e instanceof Refusal) {
      const out: ParseResult = { ok: false, message: e.message };
      if (e.hint !== undefined) out.hint = e.hint;
      if (e.offset !== undefined && e.offset >= 0) out.offset = e.offset;
      return out;
    }
    throw e;
  }
}

class Converter {
  constructor(
    private readonly text: string,
    private readonly scope: ReadonlySet<string>,
    private readonly opts: ParseOptions,
  ) {}

  convert(node: MathNode, depth: number): Typed {
    if (depth > MAX_EXPRESSION_DEPTH) {
      throw new Refusal(`expression is nested too deeply (more than ${MAX_EXPRESSION_DEPTH} levels)`, 'simplify it');
    }
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case 'ParenthesisNode':
        // a level like any other: the documented limit is on what a reader has to hold in mind
        return this.convert(n.content as MathNode, depth + 1);
      case 'ConstantNode':
        return this.constant(n.value);
      case 'SymbolNode':
        return this.symbol(n.name as string);
      case 'OperatorNode':
        return this.operator(n, depth);
      case 'RelationalNode':
        return this.relational(n, depth);
      case 'ConditionalNode': {
        const c = this.convert(n.condition as MathNode, depth + 1);
        const a = this.convert(n.trueExpr as MathNode, depth + 1);
        const b = this.convert(n.falseExpr as MathNode, depth + 1);
        if (c.type !== 'boolean') {
          throw new Refusal("the condition of '?:' must be true or false, not a number", "compare it, e.g. 'x > 0 ? a : b'", this.find(/\?/));
        }
        if (a.type !== b.type) {
          throw new Refusal(`the two branches of '?:' must both be numbers or both be conditions (got a ${a.type} and a ${b.type})`, undefined, this.find(/:/));
        }
        return { ir: { t: 'if', cond: c.ir, then: a.ir, else: b.ir }, type: a.type };
      }
      case 'FunctionNode':
        return this.call(n, depth);
      case 'AccessorNode': {
        const index = n.index as { isObjectProperty?: () => boolean } | undefined;
        if (index?.isObjectProperty?.()) {
          throw new Refusal("property access ('a.b') is not allowed", 'use a name in scope directly', this.find(/\./));
        }
        throw new Refusal("index access ('a[1]') is not allowed", undefined, this.find(/\[/));
      }
      case 'IndexNode':
        throw new Refusal("index access ('a[1]') is not allowed", undefined, this.find(/\[/));
      case 'ArrayNode':
        throw new Refusal("matrices and lists ('[1, 2]') are not allowed", 'use min(...) or max(...) for several values', this.find(/\[/));
      case 'ObjectNode':
        throw new Refusal("objects ('{a: 1}') are not allowed", undefined, this.find(/\{/));
      case 'RangeNode':
        throw new Refusal(`ranges ('${this.snippet(node)}') are not allowed`, "to test an interval write 'lo <= x and x <= hi'", this.find(/:/));
      case 'AssignmentNode':
        throw new Refusal(`assignment ('${this.snippet(node)}') is not allowed`, "to compare two values write '=='", this.find(/(?<![<>=!])=(?!=)/));
      case 'FunctionAssignmentNode':
        throw new Refusal(`function definition ('${this.snippet(node)}') is not allowed`, undefined, this.find(/(?<![<>=!])=(?!=)/));
      case 'BlockNode':
        throw new Refusal("several statements (separated by ';' or a new line) are not allowed", 'write one expression; combine conditions with and/or', this.find(/[;\n]/));
      default:
        throw new Refusal(`'${node.type}' is not allowed in an expression`);
    }
  }

  private constant(value: unknown): Typed {
    if (typeof value === 'boolean') return { ir: { t: 'num', v: value ? 1 : 0 }, type: 'boolean' };
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) {
        throw new Refusal('numbers must be finite (Infinity, NaN and overflowing literals such as 1e999 are not allowed)', undefined, this.find(/Infinity|NaN|\d[eE]/));
      }
      return { ir: { t: 'num', v: value }, type: 'number' };
    }
    if (typeof value === 'string') {
      throw new Refusal(`strings ('${truncate(value, 20)}') are not allowed`, 'expressions work on numbers only', this.find(/["']/));
    }
    if (value === null) throw new Refusal("'null' is not allowed", undefined, this.find(/\bnull\b/));
    if (value === undefined) throw new Refusal("'undefined' is not allowed", undefined, this.find(/\bundefined\b/));
    throw new Refusal(`constant of type ${typeof value} is not allowed`);
  }

  private symbol(name: string): Typed {
    const at = this.findName(name);
    if (PROTO_NAMES.has(name)) throw new Refusal(`the name '${name}' is not allowed`, undefined, at);
    if (this.scope.has(name)) return { ir: { t: 'var', name }, type: 'number' };
    if (Object.hasOwn(CONSTANTS, name)) return { ir: { t: 'num', v: CONSTANTS[name] }, type: 'number' };
    if (DANGEROUS.has(name)) throw new Refusal(`function '${name}' is not allowed`, undefined, at);
    if (Object.hasOwn(FUNCTIONS, name)) throw new Refusal(`'${name}' is a function; call it as ${name}(...)`, undefined, at);
    const why = this.opts.elsewhere?.get(name);
    if (why !== undefined) throw new Refusal(`name '${name}' is not available here: it ${why}`, this.scopeHint(name), at);
    throw new Refusal(`unknown name '${name}'`, this.scopeHint(name), at);
  }

  private scopeHint(name: string): string {
    const names = [...this.scope];
    const dym = didYouMean(name, names);
    if (dym !== undefined) return dym;
    return names.length > 0 ? `names in scope: ${names.join(', ')}` : 'no names are in scope here';
  }

  private operator(n: MathNode & Record<string, unknown>, depth: number): Typed {
    const fn = n.fn as string;
    const op = n.op as string;
    const args = n.args as MathNode[];
    if (n.implicit === true) {
      const [a, b] = args;
      if (a?.type === 'ConstantNode' && b?.type === 'SymbolNode' && !this.scope.has((b as unknown as { name: string }).name)) {
        const unit = (b as unknown as { name: string }).name;
        throw new Refusal(`units ('${(a as unknown as { value: unknown }).value} ${unit}') are not allowed`, 'expressions work on plain numbers', this.findName(unit));
      }
      throw new Refusal(`implicit multiplication ('${this.snippet(n)}') is not allowed`, "write the '*', e.g. '2 * x'");
    }
    if (Object.hasOwn(REFUSED_OPERATORS, fn)) {
      throw new Refusal(`operator ${REFUSED_OPERATORS[fn]} is not allowed`, undefined, this.text.indexOf(op));
    }
    if (args.length === 1) {
      const a = this.convert(args[0], depth + 1);
      if (fn === 'unaryMinus' || fn === 'unaryPlus') {
        if (a.type !== 'number') throw new Refusal(`arithmetic on a condition: unary '${op}' needs a number, not true/false`, undefined, this.text.indexOf(op));
        return fn === 'unaryMinus' ? { ir: { t: 'unary', op: 'neg', arg: a.ir }, type: 'number' } : a;
      }
      if (fn === 'not') {
        if (a.type !== 'boolean') throw new Refusal("'not' needs a condition (true or false), not a number", "compare the number first, e.g. 'not (x > 50)'", this.findName('not'));
        return { ir: { t: 'unary', op: 'not', arg: a.ir }, type: 'boolean' };
      }
    }
    const bop = Object.hasOwn(BINARY, fn) ? BINARY[fn] : undefined;
    if (bop === undefined || args.length !== 2) throw new Refusal(`operator '${op}' is not allowed`, undefined, this.text.indexOf(op));
    const l = this.convert(args[0], depth + 1);
    const r = this.convert(args[1], depth + 1);
    return { ir: { t: 'binary', op: bop, left: l.ir, right: r.ir }, type: this.binaryType(bop, op, l.type, r.type) };
  }

  private binaryType(bop: BinaryOp, written: string, l: ExprType, r: ExprType): ExprType {
    const at = this.text.indexOf(written);
    if (ARITHMETIC.has(bop)) {
      if (l !== 'number' || r !== 'number') {
        throw new Refusal(`arithmetic on a condition: '${written}' needs numbers, not true/false`, "use 'c ? 1 : 0' to turn a condition into a number", at);
      }
      return 'number';
    }
    if (ORDER.has(bop)) {
      if (l !== 'number' || r !== 'number') throw new Refusal(`comparison '${written}' needs numbers, not true/false`, undefined, at);
      return 'boolean';
    }
    if (LOGIC.has(bop)) {
      if (l !== 'boolean' || r !== 'boolean') {
        throw new Refusal(`'${written}' needs conditions (true or false) on both sides, not numbers`, "compare each number first, e.g. 'x > 50 and y < 20'", at);
      }
      return 'boolean';
    }
    // == and !=
    if (l !== r) throw new Refusal(`'${written}' compares a number with a condition`, undefined, at);
    return 'boolean';
  }

  /** `a < b <= c` -> `a < b and b <= c` (mathjs's meaning of a chained comparison). */
  private relational(n: MathNode & Record<string, unknown>, depth: number): Typed {
    const conds = n.conditionals as string[];
    const params = (n.params as MathNode[]).map((p) => this.convert(p, depth + 1));
    let ir: ExprIR | undefined;
    for (let i = 0; i < conds.length; i++) {
      const bop = Object.hasOwn(BINARY, conds[i]) ? BINARY[conds[i]] : undefined;
      if (bop === undefined) throw new Refusal(`comparison '${conds[i]}' is not allowed`);
      this.binaryType(bop, bop, params[i].type, params[i + 1].type);
      const cmp: ExprIR = { t: 'binary', op: bop, left: params[i].ir, right: params[i + 1].ir };
      ir = ir === undefined ? cmp : { t: 'binary', op: 'and', left: ir, right: cmp };
    }
    if (ir === undefined) throw new Refusal('empty comparison');
    return { ir, type: 'boolean' };
  }

  private call(n: MathNode & Record<string, unknown>, depth: number): Typed {
    const fnNode = n.fn as MathNode & { name?: string };
    if (fnNode.type !== 'SymbolNode') {
      if (fnNode.type === 'AccessorNode') {
        throw new Refusal("property access ('a.b') is not allowed", undefined, this.find(/\./));
      }
      throw new Refusal('calling a computed function is not allowed');
    }
    const name = fnNode.name as string;
    const at = this.findName(name);
    if (PROTO_NAMES.has(name)) throw new Refusal(`the name '${name}' is not allowed`, undefined, at);
    if (DANGEROUS.has(name)) throw new Refusal(`function '${name}' is not allowed`, undefined, at);
    if (!Object.hasOwn(FUNCTIONS, name)) {
      const avail = Object.keys(FUNCTIONS);
      const dym = didYouMean(name, avail);
      throw new Refusal(`function '${name}' is not available`, dym ?? `available functions: ${avail.join(', ')}`, at);
    }
    const fn = name as FunctionName;
    const [lo, hi] = FUNCTIONS[fn];
    const args = n.args as MathNode[];
    if (args.length < lo || (hi >= 0 && args.length > hi)) {
      const want = hi === lo ? `${lo} argument${lo === 1 ? '' : 's'}` : hi < 0 ? `at least ${lo} argument${lo === 1 ? '' : 's'}` : `${lo} to ${hi} arguments`;
      throw new Refusal(`${fn}() takes ${want}; got ${args.length}`, undefined, at);
    }
    const conv = args.map((a) => this.convert(a, depth + 1));
    if (conv.some((a) => a.type !== 'number')) throw new Refusal(`${fn}() needs numbers, not conditions`, undefined, at);
    return { ir: { t: 'fn', fn, args: conv.map((a) => a.ir) }, type: 'number' };
  }

  /** The construct as mathjs prints it, shortened, for messages. */
  private snippet(node: MathNode): string {
    return truncate(node.toString(), 30);
  }

  private find(re: RegExp): number | undefined {
    const m = re.exec(this.text);
    return m === null ? undefined : m.index;
  }

  /** Offset of `name` as a whole word (not part of a longer name), or undefined. */
  private findName(name: string): number | undefined {
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.find(new RegExp(`(?<![A-Za-z0-9_$])${esc}(?![A-Za-z0-9_$])`));
  }
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}
