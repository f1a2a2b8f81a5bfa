import { daysBetween } from '@passerelle/shared/domain';
import { MAX_WALK_IN_DAYS, calendarRangeErrors, receptionDeadline } from './appointment-rules';

describe('the one-month reception clock', () => {
  it.each([
    ['2026-01-15', '2026-02-15'],
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-03-31', '2026-04-30'],
    ['2026-05-31', '2026-06-30'],
    ['2026-08-31', '2026-09-30'],
    ['2026-12-15', '2027-01-15'],
    ['2026-12-31', '2027-01-31'],
    ['2028-02-29', '2028-03-29'],
  ])('a request on %s must be met by %s', (requestedOn, deadline) => {
    expect(receptionDeadline(requestedOn)).toBe(deadline);
  });

  it('counts days late from the deadline', () => {
    expect(daysBetween(receptionDeadline('2026-01-31'), '2026-03-05')).toBe(5);
    expect(daysBetween(receptionDeadline('2028-01-31'), '2028-03-05')).toBe(5);
  });
});

describe('calendar ranges', () => {
  it('accepts a range of up to the maximum, both ends included', () => {
    expect(calendarRangeErrors('2026-07-01', '2026-09-30', MAX_WALK_IN_DAYS)).toEqual([]);
    expect(calendarRangeErrors('2026-07-01', '2026-07-01', MAX_WALK_IN_DAYS)).toEqual([]);
    expect(calendarRangeErrors(undefined, '2026-07-01')).toEqual([]);
  });

  it('refuses a longer range and an inverted one', () => {
    expect(calendarRangeErrors('2026-07-01', '2026-10-01', MAX_WALK_IN_DAYS)).toEqual([
      { field: 'to', message: 'the range covers at most 92 days' },
    ]);
    expect(calendarRangeErrors('2026-07-02', '2026-07-01')).toEqual([
      { field: 'to', message: 'to cannot precede from' },
    ]);
  });
});
