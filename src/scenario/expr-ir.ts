/**
 * The restricted expression language, after parsing: a small tree of numbers, names, arithmetic,
 * comparison, logic and a few pure functions. expression.ts turns mathjs text into it (refusing
 * anything else); this module turns it into a closure over a Float64Array of numbers. It does not
 * import mathjs, so workers never load it, and nothing here can reach anything but the numbers it is
 * given: the closure reads `scope[i]` for the indexes resolved at compile time and calls only the
 * Math functions listed in FUNCTIONS.
 *
 * Booleans are numbers: true is 1, false is 0 (a condition holds when its value is not 0).
 */

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '^' | 'mod'
  | '<' | '<=' | '>' | '>=' | '==' | '!='
  | 'and' | 'or' | 'xor';
export type UnaryOp = 'neg' | 'not';

export type ExprIR =
  | { t: 'num'; v: number }
  | { t: 'var'; name: string }
  | { t: 'unary'; op: UnaryOp; arg: ExprIR }
  | { t: 'binary'; op: BinaryOp; left: ExprIR; right: ExprIR }
  | { t: 'fn'; fn: FunctionName; args: ExprIR[] }
  | { t: 'if'; cond: ExprIR; then: ExprIR; else: ExprIR };

/** Functions an expression may call, with their arity (min, max; max -1 = any). */
export const FUNCTIONS = {
  abs: [1, 1],
  min: [1, -1],
  max: [1, -1],
  sqrt: [1, 1],
  exp: [1, 1],
  log: [1, 1],
  floor: [1, 1],
  ceil: [1, 1],
  round: [1, 1],
  sign: [1, 1],
} as const satisfies Record<string, readonly [number, number]>;
export type FunctionName = keyof typeof FUNCTIONS;

export type CompiledExpr = (scope: Float64Array) => number;

/** Names an expression reads, in first-use order. */
export function exprNames(ir: ExprIR, out: string[] = []): string[] {
  switch (ir.t) {
    case 'num': return out;
    case 'var': if (!out.includes(ir.name)) out.push(ir.name); return out;
    case 'unary': return exprNames(ir.arg, out);
    case 'binary': exprNames(ir.left, out); return exprNames(ir.right, out);
    case 'fn': for (const a of ir.args) exprNames(a, out); return out;
    case 'if': exprNames(ir.cond, out); exprNames(ir.then, out); return exprNames(ir.else, out);
  }
}

/**
 * Compile to a closure. `names[i]` is the name held in `scope[i]`; a name not listed is a bug of the
 * caller (the loader has already refused unknown names), so it throws.
 */
export function compileExpr(ir: ExprIR, names: readonly string[]): CompiledExpr {
  switch (ir.t) {
    case 'num': {
      const v = ir.v;
      return () => v;
    }
    case 'var': {
      const i = names.indexOf(ir.name);
      if (i < 0) throw new Error(`compileExpr: name '${ir.name}' is not in scope [${names.join(', ')}]`);
      return (s) => s[i];
    }
    case 'unary': {
      const a = compileExpr(ir.arg, names);
      return ir.op === 'neg' ? (s) => -a(s) : (s) => (a(s) === 0 ? 1 : 0);
    }
    case 'binary': {
      const l = compileExpr(ir.left, names);
      const r = compileExpr(ir.right, names);
      switch (ir.op) {
        case '+': return (s) => l(s) + r(s);
        case '-': return (s) => l(s) - r(s);
        case '*': return (s) => l(s) * r(s);
        case '/': return (s) => l(s) / r(s);
        case '^': return (s) => Math.pow(l(s), r(s));
        // mathjs's mod: x - y * floor(x / y), the sign of the divisor
        case 'mod': return (s) => { const x = l(s), y = r(s); return y === 0 ? x : x - y * Math.floor(x / y); };
        case '<': return (s) => (l(s) < r(s) ? 1 : 0);
        case '<=': return (s) => (l(s) <= r(s) ? 1 : 0);
        case '>': return (s) => (l(s) > r(s) ? 1 : 0);
        case '>=': return (s) => (l(s) >= r(s) ? 1 : 0);
        case '==': return (s) => (l(s) === r(s) ? 1 : 0);
        case '!=': return (s) => (l(s) !== r(s) ? 1 : 0);
        case 'and': return (s) => (l(s) !== 0 && r(s) !== 0 ? 1 : 0);
        case 'or': return (s) => (l(s) !== 0 || r(s) !== 0 ? 1 : 0);
        case 'xor': return (s) => ((l(s) !== 0) !== (r(s) !== 0) ? 1 : 0);
      }
      break;
    }
    case 'fn': {
      const args = ir.args.map((a) => compileExpr(a, names));
      const a0 = args[0];
      switch (ir.fn) {
        case 'abs': return (s) => Math.abs(a0(s));
        case 'sqrt': return (s) => Math.sqrt(a0(s));
        case 'exp': return (s) => Math.exp(a0(s));
        case 'log': return (s) => Math.log(a0(s));
        case 'floor': return (s) => Math.floor(a0(s));
        case 'ceil': return (s) => Math.ceil(a0(s));
        case 'round': return (s) => Math.round(a0(s));
        case 'sign': return (s) => Math.sign(a0(s));
        case 'min': return (s) => { let m = Infinity; for (const f of args) m = Math.min(m, f(s)); return m; };
        case 'max': return (s) => { let m = -Infinity; for (const f of args) m = Math.max(m, f(s)); return m; };
      }
      break;
    }
    case 'if': {
      const c = compileExpr(ir.cond, names);
      const a = compileExpr(ir.then, names);
      const b = compileExpr(ir.else, names);
      return (s) => (c(s) !== 0 ? a(s) : b(s));
    }
  }
  throw new Error(`compileExpr: unknown node ${JSON.stringify(ir)}`);
}

/** The expression as text again (for traces and messages). */
export function exprToString(ir: ExprIR): string {
  switch (ir.t) {
    case 'num': return String(ir.v);
    case 'var': return ir.name;
    case 'unary': return ir.op === 'neg' ? `-(${exprToString(ir.arg)})` : `not (${exprToString(ir.arg)})`;
    case 'binary': return `(${exprToString(ir.left)} ${ir.op} ${exprToString(ir.right)})`;
    case 'fn': return `${ir.fn}(${ir.args.map(exprToString).join(', ')})`;
    case 'if': return `(${exprToString(ir.cond)} ? ${exprToString(ir.then)} : ${exprToString(ir.else)})`;
  }
}
