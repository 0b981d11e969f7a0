import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadScenario } from '../../src/scenario/load.js';
import { uncertainInputs } from '../../src/scenario/uncertain-inputs.js';

const geneva = loadScenario('scenarios/geneva-2014.yaml').scenario!;
const sampled = geneva.params.filter((p) => p.dist.kind !== 'fixed').map((p) => p.path);

test('every sampled number is in exactly one input, whatever the grouping; fixed numbers in none', () => {
  for (const g of ['preference', 'number'] as const) {
    const inputs = uncertainInputs(geneva, g);
    const all = inputs.flatMap((i) => i.params);
    assert.equal([...all].sort(), [...sampled].sort(), g);
    assert.is(new Set(all).size, all.length);
    for (const i of inputs) assert.equal(i.slots.map((k) => geneva.params[k].path), i.params);
  }
  assert.is(sampled.length, 39);
  assert.is(uncertainInputs(geneva, 'number').length, 39);
  // three preferences have two uncertain numbers each
  assert.is(uncertainInputs(geneva, 'preference').length, 36);
});

test('grouped by preference: a precondition moves its demand and its firmness together, named by its path and quotation', () => {
  const pre = uncertainInputs(geneva).find((i) => i.path === 'actors.snc.preferences.0')!;
  assert.equal(pre.params, ['actors.snc.preferences.0.with.demand', 'actors.snc.preferences.0.firmness']);
  assert.is(pre.kind, 'precondition');
  assert.ok(pre.quote!.startsWith('The opposition has remained adamant that the ouster of Syrian President Bashar Assad'));
  const belief = uncertainInputs(geneva).find((i) => i.path === 'actors.snc.beliefs.gov')!;
  assert.equal(belief.params, ['actors.snc.beliefs.gov.sincere']);
  assert.ok(belief.quote!.includes('declaring cease-fires only to buy time'));
});

test('one number an input: each named by its own path, a preference\'s with its part and the preference\'s quotation', () => {
  const inputs = uncertainInputs(geneva, 'number');
  const firm = inputs.find((i) => i.path === 'actors.snc.preferences.0.firmness')!;
  assert.is(firm.short, 'snc: precondition assad_role >= demand (firmness)');
  assert.ok(firm.quote!.includes('adamant'));
  const pos = inputs.find((i) => i.path === 'actors.gov.position.agenda')!;
  assert.equal([pos.kind, pos.label, pos.quote], ['position', 'the position of Syrian government (al-Moallem) on the agenda', undefined]);
  const t = inputs.find((i) => i.path === 'measures.aleppo_ceasefire.temptation')!;
  assert.equal([t.kind, t.label], ['measure', 'the temptation of aleppo_ceasefire']);
  assert.ok(t.quote!.includes('prepared to implement a cease-fire'));
  assert.is(inputs.find((i) => i.path === 'model.flexibility')!.label, "the model's flexibility (a default)");
});

test.run();
