import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { didYouMean, editDistance, nearest } from '../../src/scenario/nearest.js';

test('editDistance counts insertions, deletions, substitutions and adjacent transpositions as 1 each', () => {
  assert.is(editDistance('capabilty', 'capability'), 1);
  assert.is(editDistance('salinece', 'salience'), 1); // 'ne' and 'en' swapped
  assert.is(editDistance('ab', 'ba'), 1);
  assert.is(editDistance('kitten', 'sitting'), 3);
  assert.is(editDistance('', 'abc'), 3);
  assert.is(editDistance('same', 'same'), 0);
});

test('nearest offers only close candidates: 1 edit up to 4 letters, 2 up to 8, 3 beyond; else a prefix match', () => {
  assert.is(nearest('capabilty', ['capability', 'role', 'name']), 'capability');
  assert.is(nearest('rol', ['role', 'name']), 'role');
  assert.is(nearest('zzz', ['capability']), undefined);
  assert.is(nearest('sine', ['sign', 'min']), undefined); // two edits from each, too far for 4 letters
  assert.is(nearest('assad', ['assad_role', 'agenda']), 'assad_role'); // a prefix of a longer id
  assert.is(nearest('asad', ['assad_role', 'agenda']), undefined); // neither close nor a prefix
  assert.is(nearest('Party', ['party', 'sponsor']), 'party'); // case ignored
  assert.is(didYouMean('partty', ['party', 'sponsor', 'mediator']), "did you mean 'party'?");
  assert.is(didYouMean('qqqq', ['party']), undefined);
});

test.run();
