import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import type { ValidateFunction } from 'ajv';
import { standaloneValidatorCode } from '../../src/scenario/validator-standalone.js';
import { scenarioAjv, validationSchema, validUncertain } from '../../src/scenario/validator.js';

const root = new URL('../../', import.meta.url).pathname;

/** The standalone code evaluated as the bundle runs it, with its three free names. */
function standaloneValidator(): ValidateFunction {
  const module = { exports: {} as unknown };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('module', 'require', 'negsimValidUncertain', standaloneValidatorCode('commonjs'))(module, createRequire(import.meta.url), validUncertain);
  return module.exports as ValidateFunction;
}

/** Every scenario the project ships and every bad file of test/bad that parses as YAML. */
function corpus(): [string, unknown][] {
  const files = [
    ...readdirSync(join(root, 'scenarios')).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(root, 'scenarios', f)),
    ...readdirSync(join(root, 'test/bad/files')).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(root, 'test/bad/files', f)),
  ];
  const out: [string, unknown][] = [];
  for (const f of files) {
    try {
      out.push([f, parse(readFileSync(f, 'utf8'), { maxAliasCount: 100, logLevel: 'error' })]);
    } catch {
      // not YAML the loader would get as far as validating
    }
  }
  return out;
}

test('the validator compiled ahead of time gives the errors of the one compiled at run time, on every shipped and bad file', () => {
  const ahead = standaloneValidator();
  const now = scenarioAjv().compile(validationSchema());
  const files = corpus();
  assert.ok(files.length > 200, `${files.length} files`);
  let invalid = 0;
  for (const [file, data] of files) {
    const a = ahead(data);
    const b = now(data);
    assert.is(a, b, file);
    if (!a) invalid++;
    // every field as JSON but the failing data, which must be the very same value (it can be cyclic)
    const plain = (errors: ValidateFunction['errors']) => JSON.parse(JSON.stringify((errors ?? []).map(({ data: _, ...rest }) => rest))) as unknown;
    assert.equal(plain(ahead.errors), plain(now.errors), file);
    assert.ok((ahead.errors ?? []).every((e, k) => Object.is(e.data, now.errors?.[k].data)), file);
  }
  assert.ok(invalid > 100, `${invalid} invalid files`);
});

test('the standalone code calls no keyword function but validUncertain, by the name the bundle gives it', () => {
  const code = standaloneValidatorCode('esm');
  assert.match(code, /export const validate = /);
  assert.match(code, /= negsimValidUncertain;/);
  assert.equal([...new Set(code.match(/require\("[^"]+"\)/g))], ['require("ajv/dist/runtime/ucs2length")']);
});

test.run();
