import { timelinePageQueries } from './timeline.queries';

const landlord = {
  scope: 'shared+own' as const,
  organizationId: '11111111-1111-4111-8111-111111111111',
  today: '2026-06-15',
};
const FILE_ID = '22222222-2222-4222-8222-222222222222';

/** The SQL reviewers read: a change to it shows up in these snapshots. */
describe('timeline SQL', () => {
  it('reads a page of events and its total with the scope inside both statements', () => {
    const { page, count } = timelinePageQueries(FILE_ID, landlord, ['ALL', 'REFERRAL', 'SOCIAL'], {
      limit: 20,
      offset: 40,
    });
    expect(page.text).toMatchSnapshot('timeline page');
    expect(page.values).toEqual([
      FILE_ID,
      '2025-06-15',
      landlord.organizationId,
      ['ALL', 'REFERRAL', 'SOCIAL'],
      20,
      40,
    ]);
    expect(count.text).toMatchSnapshot('timeline count');
    expect(count.values).toEqual([
      ['ALL', 'REFERRAL', 'SOCIAL'],
      FILE_ID,
      '2025-06-15',
      landlord.organizationId,
    ]);
  });

  it('never reaches a file for scopes of other records', () => {
    const { page, count } = timelinePageQueries(FILE_ID, { ...landlord, scope: 'org' }, ['REFERRAL'], {
      limit: 20,
      offset: 0,
    });
    expect(page.text).toContain('AND FALSE');
    expect(count.text).toContain('AND FALSE');
  });
});
