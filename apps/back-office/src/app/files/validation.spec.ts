import { FormControl } from '@angular/forms';
import { calendarDateOf, dateOf, todayInParis } from './file-format';
import { pastBirthDate } from './validation';

describe('pastBirthDate', () => {
  afterEach(() => jest.useRealTimers());

  const check = (day: string) => pastBirthDate(new FormControl(dateOf(day)));

  it('takes today as the Paris calendar day, whatever the browser time zone', () => {
    // 23:30 UTC on 26 November is already 27 November in Paris (the tests run in UTC).
    jest.useFakeTimers({ now: new Date('2026-11-26T23:30:00Z') });
    expect(check('2026-11-27')).toBeNull();
    expect(check('2026-11-28')).toEqual({ future: true });
    // What the datepickers offer as today and as their latest day.
    expect(calendarDateOf(todayInParis())).toBe('2026-11-27');
  });

  it('refuses a day before 1900 and accepts an empty field', () => {
    expect(check('1899-12-31')).toEqual({ tooOld: true });
    expect(check('1900-01-01')).toBeNull();
    expect(pastBirthDate(new FormControl(null))).toBeNull();
  });
});
