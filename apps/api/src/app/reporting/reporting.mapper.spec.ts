import { Figures } from './reporting-figures';
import { daysOfHistogram, referralFigures, waitingDays, waitingTimeFigures } from './reporting.mapper';
import {
  REFERRAL_BY_DONE_DAYS,
  REFERRAL_BY_STATUS,
  type ReferralHistogramRow,
  type WaitingCaseGroupRow,
} from './reporting.queries';

const coordinator = new Figures('everything');

describe('reporting mapper', () => {
  it('takes the median of a histogram as percentile_cont(0.5) would', () => {
    const bars = (values: number[]) => values.map((days) => ({ days, cases: 1 }));
    expect(daysOfHistogram(bars([193, 181, 182, 151, 346, 184, 877]), coordinator)).toEqual({
      cases: 7,
      averageDays: 302,
      medianDays: 184,
      suppressed: false,
    });
    expect(daysOfHistogram(bars([2, 1, 3, 5, 10, 1]), coordinator).medianDays).toBe(2.5);
    expect(
      daysOfHistogram(
        [
          { days: 3, cases: 4 },
          { days: 1, cases: 2 },
          { days: 9, cases: 1 },
        ],
        coordinator,
      ),
    ).toEqual({ cases: 7, averageDays: 3.3, medianDays: 3, suppressed: false });
    expect(daysOfHistogram([], coordinator)).toEqual({
      cases: 0,
      averageDays: null,
      medianDays: null,
      suppressed: false,
    });
  });

  it('merges the waiting days of each wish across groups, then takes their median', () => {
    const group = (
      row: Partial<WaitingCaseGroupRow> & Pick<WaitingCaseGroupRow, 'days'>,
    ): WaitingCaseGroupRow => ({
      own: true,
      dimension: 'ALL',
      key: '',
      name: null,
      ...row,
    });
    const groups = waitingDays([
      group({ days: '10,30,20' }),
      group({ own: false, days: '40,50,60' }),
      group({ dimension: 'TYPOLOGY', key: 'T3', days: '10,30,20' }),
      group({ dimension: 'TYPOLOGY', key: 'T3', own: false, days: '40,50' }),
      group({ dimension: 'TYPOLOGY', key: 'T2', days: '60' }),
      group({ dimension: 'COMMUNE', key: '64410', name: 'Lagor', days: '10,30,20,40,50' }),
      group({ dimension: 'COMMUNE', key: '64300', name: 'Orthez', days: '1,2,3,4,5,6,7' }),
      group({ dimension: 'COMMUNE', key: '64150', name: 'Mourenx', own: false, days: '9,9,9,9,9' }),
    ]);
    const figures = waitingTimeFigures(groups, coordinator);
    expect(figures.overall).toEqual({ cases: 6, averageDays: 35, medianDays: 35, suppressed: false });
    expect(figures.byTypology.find((t) => t.typology === 'T3')).toEqual({
      typology: 'T3',
      cases: 5,
      averageDays: 30,
      medianDays: 30,
      suppressed: false,
    });
    expect(figures.byTypology.find((t) => t.typology === 'T2')).toMatchObject({ cases: 1, suppressed: true });
    expect(figures.byTypology.find((t) => t.typology === 'T1')).toMatchObject({
      cases: 0,
      suppressed: false,
    });
    // The most cases first, then by INSEE code.
    expect(figures.byCommune.map((c) => [c.inseeCode, c.name, c.cases, c.medianDays])).toEqual([
      ['64300', 'Orthez', 7, 4],
      ['64150', 'Mourenx', 5, 9],
      ['64410', 'Lagor', 5, 30],
    ]);
    // Only the caller's organisation's groups: what the service passes for its own section.
    const own = waitingTimeFigures(
      groups.filter((g) => g.own === true),
      coordinator,
    );
    expect(own.overall).toMatchObject({ cases: 3, medianDays: null, suppressed: true });
    expect(own.byCommune.map((c) => c.inseeCode)).toEqual(['64300', '64410']);
  });

  it('reads the days of a group as PostgreSQL writes them, negative ones included', () => {
    const [group] = waitingDays([
      { own: null, dimension: 'ALL', key: '', name: null, days: '1207,0,-3,1207,45' },
    ]);
    expect([...group!.days]).toEqual([1207, 0, -3, 1207, 45]);
    expect([
      ...waitingDays([{ own: null, dimension: 'ALL', key: '', name: null, days: '' }])[0]!.days,
    ]).toEqual([]);
  });

  it('sums the referral figures from the two histograms', () => {
    const a = '00000000-0000-4000-8000-00000000000a';
    const b = '00000000-0000-4000-8000-00000000000b';
    const row = (r: Partial<ReferralHistogramRow>): ReferralHistogramRow => ({
      grouping: REFERRAL_BY_STATUS,
      from_id: a,
      to_id: b,
      status: null,
      answered_days: null,
      done_days: null,
      referrals: 1,
      ...r,
    });
    const rows = [
      row({ status: 'SENT', referrals: 2 }),
      row({ status: 'ACCEPTED', answered_days: 1, referrals: 3 }),
      row({ status: 'DONE', answered_days: 4, referrals: 2 }),
      row({ grouping: REFERRAL_BY_DONE_DAYS, done_days: 10, referrals: 2 }),
      row({ grouping: REFERRAL_BY_DONE_DAYS, referrals: 5 }),
    ];
    const figures = referralFigures(
      rows,
      new Map([
        [a, 'RELAY_POINT'],
        [b, 'INFO_POINT'],
      ]),
      coordinator,
    );
    expect(figures.total).toBe(7);
    expect(figures.byStatus.map((s) => s.count)).toEqual([2, 3, 0, 2]);
    expect(figures.delays.sentToAnswered).toEqual({
      cases: 5,
      averageDays: 2.2,
      medianDays: 1,
      suppressed: false,
    });
    expect(figures.delays.sentToDone).toMatchObject({ cases: 2, suppressed: true });
    expect(figures.byOriginType.find((t) => t.organizationType === 'RELAY_POINT')?.count).toBe(7);
    expect(figures.byDestinationType.find((t) => t.organizationType === 'INFO_POINT')?.count).toBe(7);
  });
});
