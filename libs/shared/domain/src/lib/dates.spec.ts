import {
  addDays,
  addMonthsClamped,
  calendarDateInParis,
  daysBetween,
  frenchDate,
  isCalendarDate,
  oneMonthAfter,
  oneMonthBefore,
  oneYearAfter,
  wholeMonthsBetween,
} from './dates';

describe('calendar rules', () => {
  it('renews on the same calendar day one year later', () => {
    expect(oneYearAfter('2025-03-14')).toBe('2026-03-14');
  });

  it('turns 29 February into 28 February', () => {
    expect(oneYearAfter('2024-02-29')).toBe('2025-02-28');
  });

  it('warns one month before, clamped to the end of the shorter month', () => {
    expect(oneMonthBefore('2026-03-31')).toBe('2026-02-28');
    expect(oneMonthBefore('2024-03-30')).toBe('2024-02-29');
    expect(oneMonthBefore('2026-01-15')).toBe('2025-12-15');
  });

  it('computes the one-month reception deadline across a year end', () => {
    expect(oneMonthAfter('2025-12-31')).toBe('2026-01-31');
    expect(oneMonthAfter('2026-01-31')).toBe('2026-02-28');
    expect(addMonthsClamped('2026-05-10', -17)).toBe('2024-12-10');
  });

  it('counts days across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('rejects dates that do not exist', () => {
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-04-31')).toBe(false);
    expect(isCalendarDate('2025-4-1')).toBe(false);
    expect(isCalendarDate(20250401)).toBe(false);
  });

  it('reads "today" in Europe/Paris whatever the server zone', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris (UTC+1 in winter).
    expect(calendarDateInParis(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    // 21:59 UTC on 30 June is 23:59 in Paris (UTC+2 in summer).
    expect(calendarDateInParis(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });

  it('writes a date the French way', () => {
    expect(frenchDate('2026-03-12')).toBe('12/03/2026');
  });

  it('counts the whole months reached, none before the start', () => {
    expect(wholeMonthsBetween('2025-03-16', '2026-06-15')).toBe(14);
    expect(wholeMonthsBetween('2025-03-15', '2026-06-15')).toBe(15);
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(wholeMonthsBetween('2026-06-15', '2026-06-01')).toBe(0);
  });
});
