/**
 * Build time only (scripts/bundle.js): the scenario validator as source code, Ajv's standalone code
 * generation (https://ajv.js.org/standalone.html) for the schema and options validator.ts compiles at
 * run time, so that the command-line bundle starts without compiling it. As an ES module it exports
 * `validate`; as CommonJS it assigns it to `module.exports`. Either way it reads the free names
 * `require` (for Ajv's runtime helper ucs2length) and `negsimValidUncertain` (validator.ts's
 * validUncertain, the custom keyword's check), which the bundle and the test provide.
 */
import standalone from 'ajv/dist/standalone/index.js';
import { scenarioAjv, validationSchema } from './validator.js';

export function standaloneValidatorCode(format: 'esm' | 'commonjs'): string {
  const ajv = scenarioAjv({ source: true, esm: format === 'esm' });
  return standalone.default(ajv, ajv.compile(validationSchema()));
}
