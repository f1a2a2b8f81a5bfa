import {
  currentWeek,
  formatDateTime,
  formatDay,
  formatTime,
  parisDay,
  parisInstant,
  shiftWeek,
  weekOf,
} from './paris-time';

describe('weeks in Europe/Paris', () => {
  it('runs from Monday to Sunday', () => {
    const week = weekOf('2026-11-18');
    expect(week.from).toBe('2026-11-16');
    expect(week.to).toBe('2026-11-22');
    expect(week.days).toHaveLength(7);
  });

  it('keeps a Sunday in the week that ends with it, and a Monday in the week it starts', () => {
    expect(weekOf('2026-11-22').from).toBe('2026-11-16');
    expect(weekOf('2026-11-16').from).toBe('2026-11-16');
  });

  it('crosses months and years', () => {
    expect(weekOf('2027-01-01')).toMatchObject({ from: '2026-12-28', to: '2027-01-03' });
    expect(shiftWeek(weekOf('2026-11-18'), 2).from).toBe('2026-11-30');
    expect(shiftWeek(weekOf('2026-11-18'), -1).from).toBe('2026-11-09');
  });

  it('takes « today » in Paris, not in UTC', () => {
    // Sunday 22 November 23:30 UTC is already Monday 23 November in Paris.
    expect(currentWeek(new Date('2026-11-22T23:30:00Z')).from).toBe('2026-11-23');
    // Sunday 29 March 2026 22:30 UTC (summer time) is Monday 30 March 00:30 in Paris.
    expect(currentWeek(new Date('2026-03-29T22:30:00Z')).from).toBe('2026-03-30');
  });
});

describe('Paris wall-clock times', () => {
  it('converts a Paris time to the right instant in winter and in summer', () => {
    expect(parisInstant('2026-11-18', '09:30')).toBe('2026-11-18T08:30:00.000Z');
    expect(parisInstant('2026-06-17', '09:00')).toBe('2026-06-17T07:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    expect(parisInstant('2026-03-29', '10:00')).toBe('2026-03-29T08:00:00.000Z');
    expect(parisInstant('2026-10-25', '10:00')).toBe('2026-10-25T09:00:00.000Z');
  });

  it('formats in French, in Paris time', () => {
    expect(formatDay('2026-11-18')).toBe('mercredi 18 novembre');
    expect(formatTime('2026-11-18T08:30:00Z')).toBe('09:30');
    expect(formatDateTime('2026-06-17T07:00:05Z')).toBe('17/06/2026 09:00');
    expect(formatDateTime('2026-06-17T07:00:05Z', true)).toBe('17/06/2026 09:00:05');
    expect(parisDay('2026-11-18T23:30:00Z')).toBe('2026-11-19');
  });
});
