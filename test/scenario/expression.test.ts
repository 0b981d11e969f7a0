import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileExpr, exprToString } from '../../src/scenario/expr-ir.js';
import { MAX_EXPRESSION_DEPTH, parseExpression, type ExprType } from '../../src/scenario/expression.js';

const SCOPE = ['assad_role', 'agenda', 'deviation', 't'];

/** Parse, compile and evaluate at assad_role = 20, agenda = 70, deviation = 12, t = 15. */
function evaluate(text: string, want: ExprType = 'boolean'): number {
  const r = parseExpression(text, SCOPE, want);
  if (!r.ok) throw new Error(`'${text}' refused: ${r.message}`);
  return compileExpr(r.ir, SCOPE)(new Float64Array([20, 70, 12, 15]));
}

function refused(text: string, want: ExprType = 'boolean', scope: readonly string[] = SCOPE) {
  const r = parseExpression(text, scope, want);
  if (r.ok) throw new Error(`'${text}' was accepted: ${exprToString(r.ir)}`);
  return r;
}

test('conditions evaluate through compileExpr with the values in scope', () => {
  const cases: [string, number][] = [
    ['assad_role <= 15', 0],
    ['assad_role <= t + 5', 1],
    ['assad_role >= 80', 0],
    ['agenda > 60 and assad_role < 30', 1],
    ['agenda > 60 and assad_role > 30', 0],
    ['agenda > 90 or deviation > 10', 1],
    ['agenda > 60 xor deviation > 10', 0],
    ['not (assad_role > 50)', 1],
    ['assad_role == 20', 1],
    ['assad_role != 20', 0],
    ['10 <= assad_role < 30', 1], // chained: 10 <= 20 and 20 < 30
    ['10 <= assad_role < 15', 0],
    ['0 < assad_role <= agenda < 100', 1],
    ['abs(assad_role - agenda) > 40', 1], // |20 - 70| = 50
    ['max(assad_role, agenda, 50) == 70', 1],
    ['min(assad_role, agenda) == 20', 1],
    ['sqrt(assad_role * 5) == 10', 1],
    ['(assad_role > 10) == (agenda > 10)', 1],
    ['true', 1],
    ['false or assad_role > 0', 1],
    ['(assad_role > 10 ? agenda : 0) > 60', 1],
    ['assad_role > 10 ? agenda > 80 : true', 0],
    ['deviation mod 5 == 2', 1],
    ['-assad_role < -10', 1],
    ['+assad_role == 20', 1],
    ['2 ^ 3 == 8', 1],
    ['assad_role / 4 == 5', 1],
    ['pi > 3.14 and e < 2.72', 1],
    ['round(2.5) == 3 and floor(-0.5) == -1 and ceil(0.2) == 1', 1],
    ['sign(-3) == -1 and log(exp(2)) == 2', 1],
    ['0x10 == 16', 1],
    ['assad_role <= 15 # a comment is ignored', 0],
  ];
  for (const [text, want] of cases) assert.is(evaluate(text), want, text);
});

test('numeric terms evaluate to numbers', () => {
  assert.is(evaluate('assad_role * 2 + agenda / 7', 'number'), 50);
  assert.is(evaluate('max(assad_role, t) - min(3, 4)', 'number'), 17);
  assert.is(evaluate('(deviation - 2) ^ 2', 'number'), 100);
  assert.is(evaluate('assad_role > 10 ? 1 : 0', 'number'), 1);
  assert.is(evaluate('-7 mod 3', 'number'), 2); // mathjs: the sign of the divisor
});

test('the IR is the expected tree', () => {
  const r = parseExpression('assad_role >= 80', ['assad_role'], 'boolean');
  assert.equal(r, { ok: true, ir: { t: 'binary', op: '>=', left: { t: 'var', name: 'assad_role' }, right: { t: 'num', v: 80 } } });
  const c = parseExpression('1 < x < 3', ['x'], 'boolean');
  assert.equal(c.ok && exprToString(c.ir), '((1 < x) and (x < 3))');
  const b = parseExpression('not true', [], 'boolean');
  assert.equal(b, { ok: true, ir: { t: 'unary', op: 'not', arg: { t: 'num', v: 1 } } });
});

test('at least 40 hostile or invalid expressions are refused, each naming the construct', () => {
  const cases: [string, RegExp][] = [
    ['import({}, {override: true})', /^function 'import' is not allowed$/],
    ['import', /^function 'import' is not allowed$/],
    ['createUnit("foo")', /^function 'createUnit' is not allowed$/],
    ['evaluate("1 + 1")', /^function 'evaluate' is not allowed$/],
    ['parse("x")', /^function 'parse' is not allowed$/],
    ['compile("x")', /^function 'compile' is not allowed$/],
    ['simplify("x")', /^function 'simplify' is not allowed$/],
    ['derivative("x^2", "x")', /^function 'derivative' is not allowed$/],
    ['resolve(x)', /^function 'resolve' is not allowed$/],
    ['reviver(x)', /^function 'reviver' is not allowed$/],
    ['chain(3)', /^function 'chain' is not allowed$/],
    ['sin(assad_role) > 0', /^function 'sin' is not available$/],
    ['cos(1) > 0', /^function 'cos' is not available$/],
    ['assad_role = 15', /^assignment \('assad_role = 15'\) is not allowed$/],
    ['x = 1', /^assignment \('x = 1'\) is not allowed$/],
    ['f(x) = x', /^function definition \('f\(x\) = x'\) is not allowed$/],
    ['f(x) = import({}, {})', /^function definition /],
    ['a.b > 1', /^property access \('a\.b'\) is not allowed$/],
    ['agenda.constructor', /^property access \('a\.b'\) is not allowed$/],
    ['agenda["constructor"]', /^property access \('a\.b'\) is not allowed$/], // a string index is a property
    ['agenda[1] > 0', /^index access \('a\[1\]'\) is not allowed$/],
    ['x.__proto__', /^property access \('a\.b'\) is not allowed$/],
    ['a.b(1)', /^property access \('a\.b'\) is not allowed$/],
    ['"a string"', /^strings \('a string'\) are not allowed$/],
    ["'single' == 'single'", /^strings \('single'\) are not allowed$/],
    ['[1, 2, 3]', /^matrices and lists \('\[1, 2\]'\) are not allowed$/],
    ['max([1, 2]) > 1', /^matrices and lists /],
    ['{a: 1}', /^objects \('\{a: 1\}'\) are not allowed$/],
    ['1:1e9', /^ranges \('1:1e\+9'\) are not allowed$/],
    ['size(1:1e9)', /^function 'size' is not available$/],
    ['5 cm > 3', /^units \('5 cm'\) are not allowed$/],
    ['5 cm to inch', /^operator unit conversion \('to' \/ 'in'\) is not allowed$/],
    ['2 assad_role > 1', /^implicit multiplication \('2 assad_role'\) is not allowed$/],
    ['2(assad_role + 1) > 1', /^implicit multiplication /],
    ['constructor', /^the name 'constructor' is not allowed$/],
    ['__proto__', /^the name '__proto__' is not allowed$/],
    ['constructor(1)', /^the name 'constructor' is not allowed$/],
    ['x; y', /^several statements /],
    ['assad_role > 1\nagenda < 2', /^several statements /],
    ['assad_role & 1', /^operator bitwise and '&' is not allowed$/],
    ['assad_role | 1', /^operator bitwise or '\|' is not allowed$/],
    ['assad_role << 2', /^operator shift '<<' is not allowed$/],
    ['~assad_role', /^operator bitwise not '~' is not allowed$/],
    ['assad_role! > 1', /^operator factorial '!' is not allowed$/],
    ["assad_role' > 1", /^operator transpose "'" is not allowed$/],
    ['assad_role .* 2', /^operator element-wise '\.\*' is not allowed$/],
    ['assad_role ?? 1', /^operator nullish coalescing '\?\?' is not allowed$/],
    ['50% > 1', /^'%' is not allowed/],
    ['assad_role % 3 == 0', /^'%' is not allowed/],
    ['null', /^'null' is not allowed$/],
    ['undefined', /^'undefined' is not allowed$/],
    ['Infinity > 1', /^numbers must be finite/],
    ['NaN', /^numbers must be finite/],
    ['1e999 > 1', /^numbers must be finite/],
    ['asad_role <= 15', /^unknown name 'asad_role'$/],
    ['process.exit(1)', /^property access /],
    ['eval("1")', /^function 'eval' is not allowed$/],
    ['Function("return 1")', /^function 'Function' is not allowed$/],
    ['Function("return 1")()', /^syntax error: value expected$/],
    ['', /^empty expression$/],
    ['assad_role >', /^syntax error: unexpected end of expression$/],
    ['(assad_role > 1', /^syntax error: parenthesis \) expected$/],
    ['x'.repeat(501), /^expression is too long \(501 characters; the limit is 500\)$/],
  ];
  assert.ok(cases.length >= 40);
  for (const [text, re] of cases) {
    const r = refused(text, 'boolean', ['assad_role', 'agenda', 'x', 'y', 'a']);
    assert.match(r.message, re, `${text} -> ${r.message}`);
  }
});

test('static types: conditions must be boolean, arithmetic needs numbers, logic needs booleans', () => {
  const cases: [string, ExprType, string][] = [
    ['assad_role', 'boolean', "a condition must be true or false, but 'assad_role' is a number"],
    ['assad_role + 1', 'boolean', "a condition must be true or false, but 'assad_role + 1' is a number"],
    ['assad_role > 1', 'number', "expected a number, but 'assad_role > 1' is a condition (true or false)"],
    ['(assad_role > 1) + 1 > 0', 'boolean', "arithmetic on a condition: '+' needs numbers, not true/false"],
    ['-(assad_role > 1)', 'number', "arithmetic on a condition: unary '-' needs a number, not true/false"],
    ['true * 2 > 1', 'boolean', "arithmetic on a condition: '*' needs numbers, not true/false"],
    ['assad_role and agenda', 'boolean', "'and' needs conditions (true or false) on both sides, not numbers"],
    ['assad_role > 1 or 2', 'boolean', "'or' needs conditions (true or false) on both sides, not numbers"],
    ['not assad_role', 'boolean', "'not' needs a condition (true or false), not a number"],
    ['(assad_role > 1) < 2', 'boolean', "comparison '<' needs numbers, not true/false"],
    ['(assad_role > 1) == 1', 'boolean', "'==' compares a number with a condition"],
    ['assad_role ? 1 : 0', 'number', "the condition of '?:' must be true or false, not a number"],
    ['assad_role > 1 ? 1 : true', 'number', "the two branches of '?:' must both be numbers or both be conditions (got a number and a boolean)"],
    ['abs(assad_role > 1) > 0', 'boolean', 'abs() needs numbers, not conditions'],
    ['abs(1, 2) > 0', 'boolean', 'abs() takes 1 argument; got 2'],
    ['max() > 0', 'boolean', 'max() takes at least 1 argument; got 0'],
    ['abs > 1', 'boolean', "'abs' is a function; call it as abs(...)"],
  ];
  for (const [text, want, message] of cases) assert.is(refused(text, want, ['assad_role', 'agenda']).message, message, text);
});

test('unknown names get the nearest name in scope, or the list of names', () => {
  const r = refused('asad_role <= 15', 'boolean', ['assad_role', 'agenda']);
  assert.is(r.hint, "did you mean 'assad_role'?");
  assert.is(r.offset, 0);
  const s = refused('agenda > 1 and zzz > 2', 'boolean', ['assad_role', 'agenda']);
  assert.is(s.message, "unknown name 'zzz'");
  assert.is(s.hint, 'names in scope: assad_role, agenda');
  assert.is(s.offset, 15);
  const f = refused('sgn(agenda) > 1', 'boolean', ['agenda']);
  assert.is(f.hint, "did you mean 'sign'?");
});

test('names known elsewhere are explained', () => {
  const r = parseExpression('deviation > 3', ['assad_role'], 'boolean', { elsewhere: new Map([['deviation', 'is only available in exit expressions']]) });
  assert.equal(r, { ok: false, message: "name 'deviation' is not available here: it is only available in exit expressions", hint: 'names in scope: assad_role', offset: 0 });
});

test('offsets point at the offending part of the text', () => {
  assert.is(refused('agenda = 15', 'boolean', ['agenda']).offset, 7);
  assert.is(refused('agenda > 1 and import(1)', 'boolean', ['agenda']).offset, 15);
  assert.is(refused('agenda >', 'boolean', ['agenda']).offset, 8);
  assert.is(refused('agenda.x', 'boolean', ['agenda']).offset, 6);
});

test(`nesting deeper than ${MAX_EXPRESSION_DEPTH} levels is refused, parentheses counting as levels`, () => {
  const deep = `${'-'.repeat(MAX_EXPRESSION_DEPTH)}1 < 0`;
  assert.is(refused(deep).message, `expression is nested too deeply (more than ${MAX_EXPRESSION_DEPTH} levels)`);
  const ok = `${'-'.repeat(MAX_EXPRESSION_DEPTH - 2)}1 < 0`;
  assert.ok(parseExpression(ok, [], 'boolean').ok);
  const parens = refused(`${'('.repeat(240)}1${')'.repeat(240)} > 0`);
  assert.is(parens.message, `expression is nested too deeply (more than ${MAX_EXPRESSION_DEPTH} levels)`);
  assert.is(parens.offset, MAX_EXPRESSION_DEPTH, 'at the parenthesis one level too deep');
  assert.is(refused(`${'('.repeat(MAX_EXPRESSION_DEPTH)}1${')'.repeat(MAX_EXPRESSION_DEPTH)} > 0`).message, `expression is nested too deeply (more than ${MAX_EXPRESSION_DEPTH} levels)`,
    '64 parentheses around a comparison make 66 levels');
  assert.is(evaluate(`${'('.repeat(MAX_EXPRESSION_DEPTH - 2)}1${')'.repeat(MAX_EXPRESSION_DEPTH - 2)} > 0`), 1);
});

test('an expression of exactly 500 characters is accepted', () => {
  const text = `agenda > ${'0'.repeat(491)}`;
  assert.is(text.length, 500);
  assert.is(evaluate(text), 1);
});

test.run();
