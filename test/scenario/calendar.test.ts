import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addDays, roundDate, roundOfDate } from '../../src/scenario/calendar.js';

test('addDays steps whole days in UTC, across months, years and a leap day', () => {
  assert.is(addDays('2014-01-30', 3), '2014-02-02');
  assert.is(addDays('1999-12-31', 1), '2000-01-01');
  assert.is(addDays('2012-02-28', 1), '2012-02-29');
  assert.is(addDays('2013-03-30', 2), '2013-04-01', 'no daylight-saving hour moves a day');
});

test('roundDate: a start and a step, or one date per round', () => {
  assert.is(roundDate({ start: '1998-03-25', everyDays: 3 }, 1), '1998-03-25');
  assert.is(roundDate({ start: '1998-03-25', everyDays: 3 }, 2), '1998-03-28');
  assert.is(roundDate({ dates: ['2014-01-22', '2014-01-24'] }, 2), '2014-01-24');
  assert.is(roundDate({ dates: ['2014-01-22', '2014-01-24'] }, 3), undefined);
});

test('roundOfDate: the last round opening on or before the date; 0 before the first', () => {
  const c = { dates: ['2014-01-22', '2014-01-24', '2014-02-10'] };
  assert.is(roundOfDate(c, '2014-02-01', 3), 2);
  assert.is(roundOfDate(c, '2014-01-24', 3), 2, 'a round that opens on the date counts');
  assert.is(roundOfDate(c, '2014-01-21', 3), 0);
  assert.is(roundOfDate(c, '2015-01-01', 3), 3);
  assert.is(roundOfDate({ start: '1998-03-25', everyDays: 7 }, '1998-04-09', 10), 3);
  assert.is(roundOfDate({ start: '1998-03-25', everyDays: 7 }, '1998-04-09', 2), 2, 'never past the rounds given');
});

test.run();
