/**
 * The Ajv validator for scenario data, compiled once per process.
 *
 * It does not compile the published schema as is. In that schema an uncertain number is an `anyOf`
 * (a number or one of four distributions) behind a `$ref`, which is right for editors but costly for
 * Ajv: inlining the `$ref` at its 33 uses makes compiling take 0.3-1 s, and not inlining it makes
 * Ajv merge each failed field's errors with `Array.concat`, quadratic in the number of errors (a
 * generated file with 40,000 bad numbers took minutes). So the validator compiles a copy where each
 * uncertain-number `$ref` is replaced by the custom keyword `negsimUncertain: <range name>`, which
 * checks the value with explainUncertain (the same function that words the message) and reports
 * one error per bad value. Both schemas come from schema.ts; a test checks they agree.
 *
 * Compiling takes 0.1-0.2 s, once per process; the command-line bundle skips it with a validator
 * compiled at build time (validator-precompiled.ts, validator-standalone.ts).
 */
import { _, Ajv, type ErrorObject, type KeywordCxt, type ValidateFunction } from 'ajv';
import { RANGE, scenarioJsonSchema, uncertainDefinitionName } from './schema.js';
import { explainUncertain } from './uncertain.js';
import { precompiledScenarioValidator } from './validator-precompiled.js';

export const UNCERTAIN_KEYWORD = 'negsimUncertain';
type RangeName = keyof typeof RANGE;

/** The published schema with every uncertain-number `$ref` replaced by the custom keyword. */
export function validationSchema(): Record<string, unknown> {
  const schema = scenarioJsonSchema();
  const byRef = new Map<string, RangeName>(
    (Object.keys(RANGE) as RangeName[]).map((r) => [`#/definitions/${uncertainDefinitionName(r)}`, r]),
  );
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== 'object') return node;
    const o = node as Record<string, unknown>;
    if (typeof o.$ref === 'string') {
      const range = byRef.get(o.$ref);
      if (range === undefined) throw new Error(`validationSchema: unexpected $ref ${o.$ref}`);
      return { [UNCERTAIN_KEYWORD]: range };
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, k === 'definitions' ? v : rewrite(v)]));
  };
  const out = rewrite(schema) as Record<string, unknown>;
  delete out.definitions;
  return out;
}

/** The custom keyword's check: `value` is an uncertain number within the range called `range`. */
export function validUncertain(range: string, value: unknown): boolean {
  return Object.hasOwn(RANGE, range) && explainUncertain(value, RANGE[range as RangeName], '') === undefined;
}

/**
 * The Ajv instance the schema is compiled with. The keyword is generated code calling validUncertain
 * (in standalone code, by the name negsimValidUncertain), so that it compiles ahead of time too.
 */
export function scenarioAjv(code: { source: boolean; esm?: boolean } = { source: false }): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    // the schema is ours and tested against the meta-schema; skipping the check skips compiling it
    validateSchema: false,
    strict: true,
    strictRequired: false,
    logger: false,
    code,
  });
  ajv.addKeyword({
    keyword: UNCERTAIN_KEYWORD,
    schemaType: 'string',
    code(cxt: KeywordCxt) {
      const check = cxt.gen.scopeValue('func', { ref: validUncertain, code: _`negsimValidUncertain` });
      cxt.fail(_`!${check}(${cxt.schema}, ${cxt.data})`);
    },
  });
  return ajv;
}

let compiled: ValidateFunction | undefined;

/**
 * Validate parsed scenario data; null if valid, else Ajv's errors (every one: `allErrors`).
 * `verbose` keeps the failing schema and data on each error for the messages.
 */
export function validateScenarioData(data: unknown): ErrorObject[] | null {
  compiled ??= precompiledScenarioValidator ?? scenarioAjv().compile(validationSchema());
  return compiled(data) ? null : (compiled.errors ?? []);
}
