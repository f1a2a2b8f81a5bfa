import { Figures } from './reporting-figures';

describe('reporting figures: nothing resting on fewer than 5 cases', () => {
  const coordinator = new Figures('everything');
  const partner = new Figures('ownOrganizationAndTerritory');

  it('withholds counts of 1 to 4 from everyone but the coordinator; zero is shown', () => {
    expect([0, 1, 4, 5].map((n) => partner.count(n))).toEqual([
      { count: 0, suppressed: false },
      { count: null, suppressed: true },
      { count: null, suppressed: true },
      { count: 5, suppressed: false },
    ]);
    expect(coordinator.count(3)).toEqual({ count: 3, suppressed: false });
    expect(new Figures('ownOrganization').count(2)).toEqual({ count: null, suppressed: true });
  });

  it('withholds averages and medians under 5 cases, for everyone, and rounds to a tenth', () => {
    expect(coordinator.days(4, '10.5', 9)).toEqual({
      cases: 4,
      averageDays: null,
      medianDays: null,
      suppressed: true,
    });
    expect(coordinator.days(0, null, null)).toEqual({
      cases: 0,
      averageDays: null,
      medianDays: null,
      suppressed: false,
    });
    expect(partner.days(7, '3.4285714', 2)).toEqual({
      cases: 7,
      averageDays: 3.4,
      medianDays: 2,
      suppressed: false,
    });
    expect(partner.days(6, '3.66666', 2.5)).toEqual({
      cases: 6,
      averageDays: 3.7,
      medianDays: 2.5,
      suppressed: false,
    });
  });

  it('withholds a share resting on fewer than 5 cases, or whose count is withheld', () => {
    expect(coordinator.share(7, 5)).toEqual({ cases: 7, count: 5, share: 0.714, suppressed: false });
    expect(coordinator.share(4, 3)).toEqual({ cases: 4, count: 3, share: null, suppressed: true });
    expect(partner.share(9, 3)).toEqual({ cases: 9, count: null, share: null, suppressed: true });
    expect(partner.share(9, 0)).toEqual({ cases: 9, count: 0, share: 0, suppressed: false });
    expect(partner.share(0, 0)).toEqual({ cases: 0, count: 0, share: null, suppressed: false });
  });
});
