import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { SCHEMA_ID, scenarioJsonSchema, type ScenarioFile } from '../../src/scenario/schema.js';
import { UNCERTAIN_KEYWORD, validateScenarioData, validationSchema } from '../../src/scenario/validator.js';

type Json = Record<string, unknown>;

/** Every sub-schema, with its JSON pointer. */
function walk(node: unknown, at = '#', out: [string, Json][] = []): [string, Json][] {
  if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${at}/${i}`, out));
  else if (node !== null && typeof node === 'object') {
    out.push([at, node as Json]);
    for (const [k, v] of Object.entries(node)) walk(v, `${at}/${k}`, out);
  }
  return out;
}

const GOOD: ScenarioFile = {
  id: 'geneva-2014',
  title: 'Geneva II',
  as_of: '2014-01-17',
  source: { title: 'AP', file: 'article.txt', url: 'https://example.org/ap', publisher: 'AP', date: '2014-01-17' },
  rounds: 10,
  model: { lambda: { uniform: [4, 12] }, discount: 0.9 },
  issues: { assad_role: { low: 'stays', high: 'leaves' }, agenda: { name: 'Agenda', low: 'transition', high: 'terrorism' } },
  actors: {
    gov: {
      name: 'Government', role: 'party', armed: true, capability: 0.7,
      position: { assad_role: 5, agenda: { triangular: [80, 95, 100] } },
      salience: { assad_role: 1 },
      preferences: [
        { red_line: 'assad_role <= t', with: { t: { normal: [15, 3] } }, firmness: { beta: [8, 2] }, source: 'q' },
        { priority: ['agenda', 'assad_role'] },
        { exit: 'deviation > 10', cost: 0.5 },
        { outside_option: 0.3 },
        { inclination: 'attend', strength: -1 },
      ],
      beliefs: { snc: { sincere: { beta: [2, 6] }, source: 'q' } },
    },
    snc: { name: 'Coalition', role: 'party', capability: 0.5, position: { assad_role: 95 }, pressure: [{ on: 'gov', toward: 'stay', strength: 1 }] },
    russia: { name: 'Russia', role: 'sponsor', capability: 0.6, pressure: { on: 'gov', toward: ['attend', 'comply'], strength: 0.6 } },
  },
  measures: {
    cf: { kind: 'ceasefire', offered_by: 'gov', between: ['gov', 'snc'], at: 'before', tolerance: 2, miss: 0.3, sucker: { uniform: [0.1, 0.5] } },
    ex: { kind: 'exchange', offered_by: 'gov', between: ['gov', 'snc'], at: 3 },
  },
  observed: {
    as_of: '2014-02-15',
    note: 'no deal',
    questions: {
      gov_in: { ask: 'attends', actor: 'gov', answer: true, note: 'UN' },
      cf_3: { ask: 'held', measure: 'cf', rounds: 3, answer: 'no' },
      deal: { ask: 'agreement', answer: 'no' },
    },
    positions: { agenda: 40 },
  },
};

test('the published schema is a valid draft-07 JSON Schema and compiles under Ajv strict mode', () => {
  const schema = scenarioJsonSchema();
  const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true });
  assert.ok(ajv.validateSchema(schema), JSON.stringify(ajv.errors));
  const validate = ajv.compile(schema);
  assert.type(validate, 'function');
  assert.is(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.is(schema.$id, SCHEMA_ID);
  assert.is(schema.title, 'negsim scenario (v1)');
});

test('it accepts a good scenario using every kind of entry', () => {
  const validate = new Ajv({ strict: true, strictRequired: false }).compile(scenarioJsonSchema());
  assert.ok(validate(GOOD), JSON.stringify(validate.errors, null, 1));
});

test('it refuses unknown keys, out-of-range numbers, beta outside [0, 1] fields, and two-kind preferences', () => {
  const validate = new Ajv({ strict: true, strictRequired: false }).compile(scenarioJsonSchema());
  const bad = (patch: (s: Json) => void) => {
    const s = structuredClone(GOOD) as unknown as Json;
    patch(s);
    return validate(s);
  };
  const actors = (s: Json) => s.actors as Record<string, Json>;
  assert.not.ok(bad((s) => { s.round = 3; }));
  assert.not.ok(bad((s) => { actors(s).gov.capabilty = 0.3; }));
  assert.not.ok(bad((s) => { actors(s).gov.capability = 1.5; }));
  assert.not.ok(bad((s) => { (actors(s).gov.position as Json).assad_role = { beta: [1, 2] }; }));
  assert.not.ok(bad((s) => { (actors(s).gov.preferences as Json[])[0].exit = 'deviation > 1'; }));
  assert.not.ok(bad((s) => { (actors(s).gov.preferences as Json[])[0].cost = 1; }));
  assert.not.ok(bad((s) => { actors(s).Gov = actors(s).gov; }));
  assert.not.ok(bad((s) => { s.issues = {}; }));
  assert.not.ok(bad((s) => { actors(s).gov.capability = { normal: [0.5, 0] }; }));
  assert.ok(bad((s) => { s.$schema = './scenario.schema.json'; }), '$schema is allowed for editors');
});

test('every object is closed and every property has a description', () => {
  const nodes = walk(scenarioJsonSchema());
  let closed = 0;
  let described = 0;
  for (const [at, node] of nodes) {
    if (node.properties !== undefined || node.patternProperties !== undefined) {
      assert.is(node.additionalProperties, false, `${at} is not closed`);
      closed++;
    }
    if (node.properties !== undefined && !at.endsWith('/properties')) {
      for (const [key, prop] of Object.entries(node.properties as Record<string, Json>)) {
        assert.type(prop.description, 'string', `${at}/properties/${key} has no description`);
        assert.ok((prop.description as string).length > 5);
        described++;
      }
    }
  }
  assert.ok(closed >= 20, `${closed} closed objects`);
  assert.ok(described >= 80, `${described} described properties`);
});

test('uncertain-number schemas are defined once per range and referenced', () => {
  const schema = scenarioJsonSchema();
  assert.equal(Object.keys(schema.definitions as Json).sort(), [
    'uncertain_cost', 'uncertain_gain', 'uncertain_lambda', 'uncertain_position', 'uncertain_pressure', 'uncertain_strength', 'uncertain_unit', 'uncertain_with',
  ]);
  const unit = (schema.definitions as Record<string, Json>).uncertain_unit.anyOf as Json[];
  assert.equal(unit.map((b) => Object.keys((b.properties ?? { number: 1 }) as Json)[0]), ['number', 'normal', 'uniform', 'triangular', 'beta']);
  const position = (schema.definitions as Record<string, Json>).uncertain_position.anyOf as Json[];
  assert.is(position.length, 4, 'no beta on a 0-100 field');
  assert.equal([position[0].minimum, position[0].maximum], [0, 100]);
});

test("the loader's validation schema is the published one with each uncertain-number $ref replaced by a keyword", () => {
  const v = validationSchema();
  assert.is(v.definitions, undefined);
  const nodes = walk(v);
  assert.ok(!nodes.some(([, n]) => n.$ref !== undefined), 'no $ref left');
  const uses = nodes.filter(([, n]) => n[UNCERTAIN_KEYWORD] !== undefined);
  assert.is(uses.length, walk(scenarioJsonSchema()).filter(([, n]) => typeof n.$ref === 'string').length);
  assert.ok(uses.length >= 30, `${uses.length} uncertain fields`);
  assert.ok(validateScenarioData(GOOD) === null);
});

test('the validator accepts a number field only where the published schema does (it adds lo <= hi and range checks)', () => {
  const published = new Ajv({ strict: true, strictRequired: false }).compile(scenarioJsonSchema());
  const num = fc.oneof(fc.double({ min: -5, max: 200, noNaN: true }), fc.constantFrom(0, 0.5, 1, 100, -1, 1e-9));
  const value = fc.oneof(
    num,
    fc.string({ maxLength: 4 }),
    fc.constant(null),
    fc.boolean(),
    fc.array(num, { maxLength: 3 }),
    fc.record({ normal: fc.array(num, { minLength: 1, maxLength: 3 }) }),
    fc.record({ uniform: fc.array(num, { minLength: 1, maxLength: 3 }) }),
    fc.record({ triangular: fc.array(num, { minLength: 2, maxLength: 4 }) }),
    fc.record({ beta: fc.array(num, { minLength: 1, maxLength: 3 }) }),
    fc.record({ gaussian: fc.array(num) }),
    fc.record({ normal: fc.array(num), uniform: fc.array(num) }),
  );
  let agreeOk = 0;
  let onlyPublished = 0;
  fc.assert(fc.property(value, fc.constantFrom('capability', 'position', 'lambda'), (v, field) => {
    const s = structuredClone(GOOD) as unknown as Json;
    const gov = (s.actors as Record<string, Json>).gov;
    if (field === 'capability') gov.capability = v as never;
    else if (field === 'position') (gov.position as Json).assad_role = v;
    else (s.model as Json).lambda = v;
    const ours = validateScenarioData(s) === null;
    const theirs = published(s);
    if (ours) assert.ok(theirs, `validator accepts ${JSON.stringify(v)} for ${field}, published schema does not`);
    if (ours && theirs) agreeOk++;
    if (theirs && !ours) onlyPublished++;
    return true;
  }), { numRuns: 1500, seed: 42 });
  assert.ok(agreeOk > 100, `${agreeOk} accepted by both`);
  // e.g. {uniform: [5, 1]}: the shape is right, lo > hi is not
  assert.ok(onlyPublished > 10, `${onlyPublished} accepted by the published schema only`);
  const s = structuredClone(GOOD) as unknown as Json;
  (s.actors as Record<string, Json>).gov.capability = { uniform: [0.9, 0.1] };
  assert.ok(published(s));
  assert.equal(validateScenarioData(s)?.map((e) => [e.instancePath, e.keyword]), [['/actors/gov/capability', UNCERTAIN_KEYWORD]]);
});

test('scenarioJsonSchema returns a fresh plain-JSON copy each time', () => {
  const a = scenarioJsonSchema();
  a.title = 'changed';
  const b = scenarioJsonSchema();
  assert.is(b.title, 'negsim scenario (v1)');
  assert.equal(JSON.parse(JSON.stringify(b)), b);
});

test.run();
