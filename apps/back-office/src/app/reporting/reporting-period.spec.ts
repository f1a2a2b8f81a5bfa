import {
  apiQueryOf,
  choiceLabel,
  paramsOf,
  periodFromParams,
  periodText,
  quarterStarted,
  rangeProblem,
  yearOptions,
} from './reporting-period';

describe('the period in the URL', () => {
  it('defaults to the last 12 months, which the API gives without parameters', () => {
    const choice = periodFromParams({});
    expect(choice).toEqual({ kind: 'last12' });
    expect(apiQueryOf(choice)).toEqual({});
    expect(paramsOf(choice)).toEqual({ annee: null, trimestre: null, du: null, au: null });
  });

  it('reads a year, a quarter and a range, and asks the API for the same', () => {
    expect(apiQueryOf(periodFromParams({ annee: '2025' }))).toEqual({ year: '2025' });
    expect(apiQueryOf(periodFromParams({ trimestre: '2026-T2' }))).toEqual({ quarter: '2026-Q2' });
    expect(apiQueryOf(periodFromParams({ du: '2026-01-01', au: '2026-03-31' }))).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
  });

  it('writes back what it read (a deep link survives a reload)', () => {
    for (const params of [
      { annee: '2025', trimestre: null, du: null, au: null },
      { annee: null, trimestre: '2026-T1', du: null, au: null },
      { annee: null, trimestre: null, du: '2025-06-01', au: '2025-06-30' },
    ]) {
      expect(paramsOf(periodFromParams(params))).toEqual(params);
    }
  });

  it('falls back to the last 12 months on anything malformed', () => {
    for (const params of [
      { annee: '25' },
      { annee: '1999' },
      { trimestre: '2026-Q2' },
      { trimestre: '2026-T5' },
      { du: '2026-03-31', au: '2026-01-01' },
      { du: '2026-02-30', au: '2026-03-01' },
      { du: '2026-01-01' },
    ]) {
      expect(periodFromParams(params)).toEqual({ kind: 'last12' });
    }
  });

  it('says the period in French', () => {
    expect(choiceLabel({ kind: 'last12' })).toBe('les 12 derniers mois');
    expect(choiceLabel({ kind: 'year', year: 2025 })).toBe('l’année 2025');
    expect(choiceLabel({ kind: 'quarter', year: 2026, quarter: 1 })).toBe('le 1er trimestre 2026');
    expect(choiceLabel({ kind: 'quarter', year: 2026, quarter: 3 })).toBe('le 3e trimestre 2026');
    expect(periodText({ from: '2025-07-01', to: '2026-06-30' })).toBe('du 1er juillet 2025 au 30 juin 2026');
  });
});

describe('the period form', () => {
  it('offers this year and the five before', () => {
    expect(yearOptions('2026-05-12')).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
  });

  it('refuses a range the API would refuse, saying why', () => {
    expect(rangeProblem('2026-01-01', '2026-03-31', '2026-05-12')).toBeNull();
    expect(rangeProblem('', '2026-03-31', '2026-05-12')).toMatch(/début/);
    expect(rangeProblem('2026-04-01', '2026-03-31', '2026-05-12')).toMatch(/suivre/);
    expect(rangeProblem('2026-01-01', '2026-06-01', '2026-05-12')).toMatch(/aujourd’hui/);
    expect(rangeProblem('1999-01-01', '2026-01-01', '2026-05-12')).toMatch(/2000/);
  });

  it('knows which quarters have started', () => {
    expect(quarterStarted(2026, 2, '2026-05-12')).toBe(true);
    expect(quarterStarted(2026, 3, '2026-05-12')).toBe(false);
  });
});
