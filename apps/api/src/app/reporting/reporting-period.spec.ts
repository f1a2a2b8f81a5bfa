import { DomainError } from '@api/platform/http/domain-error';
import { defaultPeriod, resolvePeriod } from './reporting-period';

const TODAY = '2026-06-15';

function fieldsOf(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'INVALID')
      return (error.details ?? []).map((d) => d.field);
    throw error;
  }
  throw new Error('no error');
}

describe('reporting period', () => {
  it('defaults to the last 12 months ending today', () => {
    expect(resolvePeriod({}, TODAY)).toEqual({ from: '2025-06-16', to: '2026-06-15' });
    expect(defaultPeriod('2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
    expect(defaultPeriod('2026-03-31')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });

  it('reads a year and a quarter, stopping today while they run', () => {
    expect(resolvePeriod({ year: '2025' }, TODAY)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(resolvePeriod({ year: '2026' }, TODAY)).toEqual({ from: '2026-01-01', to: TODAY });
    expect(resolvePeriod({ quarter: '2024-Q1' }, TODAY)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(resolvePeriod({ quarter: '2025-Q4' }, TODAY)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(resolvePeriod({ quarter: '2026-Q2' }, TODAY)).toEqual({ from: '2026-04-01', to: TODAY });
  });

  it('reads a custom period, either end defaulting', () => {
    expect(resolvePeriod({ from: '2026-01-01', to: '2026-01-31' }, TODAY)).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(resolvePeriod({ from: '2026-01-01' }, TODAY)).toEqual({ from: '2026-01-01', to: TODAY });
    expect(resolvePeriod({ to: '2026-01-31' }, TODAY)).toEqual({ from: '2025-02-01', to: '2026-01-31' });
    expect(resolvePeriod({ from: TODAY, to: TODAY }, TODAY)).toEqual({ from: TODAY, to: TODAY });
  });

  it('refuses what is contradictory, reversed, in the future, too old or too long', () => {
    expect(fieldsOf(() => resolvePeriod({ year: '2026', quarter: '2026-Q1' }, TODAY))).toEqual([
      'year',
      'quarter',
    ]);
    expect(fieldsOf(() => resolvePeriod({ from: '2026-01-01', year: '2026' }, TODAY))).toEqual([
      'from',
      'year',
    ]);
    expect(fieldsOf(() => resolvePeriod({ from: '2026-02-01', to: '2026-01-01' }, TODAY))).toEqual(['from']);
    expect(fieldsOf(() => resolvePeriod({ to: '2026-06-16' }, TODAY))).toEqual(['to']);
    expect(fieldsOf(() => resolvePeriod({ from: '2026-06-16' }, TODAY))).toEqual(['from']);
    expect(fieldsOf(() => resolvePeriod({ year: '2027' }, TODAY))).toEqual(['year']);
    expect(fieldsOf(() => resolvePeriod({ quarter: '2026-Q3' }, TODAY))).toEqual(['quarter']);
    expect(fieldsOf(() => resolvePeriod({ year: '1999' }, TODAY))).toEqual(['year']);
    expect(fieldsOf(() => resolvePeriod({ from: '1999-12-31', to: '2000-01-31' }, TODAY))).toEqual(['from']);
    expect(fieldsOf(() => resolvePeriod({ from: '2016-06-15', to: TODAY }, TODAY))).toEqual(['from']);
    expect(resolvePeriod({ from: '2016-06-16', to: TODAY }, TODAY)).toEqual({
      from: '2016-06-16',
      to: TODAY,
    });
  });
});
