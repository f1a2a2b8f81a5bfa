import { FormControl } from '@angular/forms';
import { formatDuration, officeHours } from './booking.form';

const control = (value: string) => new FormControl(value, { nonNullable: true });

describe('booking rules', () => {
  it('accepts office hours only', () => {
    expect(officeHours(control('09:30'))).toBeNull();
    expect(officeHours(control('07:00'))).toBeNull();
    expect(officeHours(control('20:00'))).toBeNull();
    expect(officeHours(control(''))).toBeNull();
    expect(officeHours(control('06:59'))).toEqual({ officeHours: true });
    expect(officeHours(control('21:00'))).toEqual({ officeHours: true });
    expect(officeHours(control('9h'))).toEqual({ time: true });
  });

  it('says durations the French way', () => {
    expect(formatDuration(30)).toBe('30 min');
    expect(formatDuration(60)).toBe('1 h');
    expect(formatDuration(90)).toBe('1 h 30');
  });
});
