import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findQuote, normaliseForQuote } from '../../src/scenario/quotes.js';

const ARTICLE = normaliseForQuote(
  '"We are not obliged to stay there forever. If we find any deviation in the negotiations, we\'ll withdraw. ... ' +
  'We\'ll find a way to say \'goodbye\' since it\'s an issue where there can be no bargaining," he told The Associated Press.',
);

test('normalisation: NFKC, straight quotes, one dash, ... for …, single spaces, lower case', () => {
  assert.is(normaliseForQuote('\u201CWe\u2019ll  withdraw\u201D \u2014 he said\u2026'), '"we\'ll withdraw" - he said...');
  assert.is(normaliseForQuote('cease\u2011fire\u00A0plan\n\tnow'), 'cease-fire plan now');
  assert.is(normaliseForQuote('\uFB01nd'), 'find'); // the fi ligature, by NFKC
});

test('a quote is found regardless of surrounding quote marks, case, spacing and typography', () => {
  assert.equal(findQuote("If we find any deviation in the negotiations, we'll withdraw.", ARTICLE), { found: true });
  assert.equal(findQuote('\u201Cif we find any deviation in the negotiations, we\u2019ll withdraw\u201D', ARTICLE), { found: true });
  assert.equal(findQuote("'goodbye'", ARTICLE), { found: true });
});

test('omissions marked with ..., … or [...] need the pieces in order', () => {
  assert.equal(findQuote("We are not obliged to stay there forever ... we'll withdraw", ARTICLE), { found: true });
  assert.equal(findQuote('We are not obliged [...] no bargaining', ARTICLE), { found: true });
  assert.equal(findQuote('no bargaining … We are not obliged', ARTICLE).found, false);
});

test('a miss reports how many leading words match and how each text goes on', () => {
  assert.equal(findQuote('If we find any deviation in the talks, we will go', ARTICLE), {
    found: false, matchedWords: 7,
    sourceContinues: "negotiations, we'll withdraw. ... we'll find", quoteContinues: 'talks, we will go',
  });
  assert.equal(findQuote('Peace now', ARTICLE), { found: false, matchedWords: 0 });
  assert.equal(findQuote('we are happy', ARTICLE), { found: false, matchedWords: 2 }); // fewer than 3: no detail
});

test.run();
