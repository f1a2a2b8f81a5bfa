import { referralListQueries, referralQuery } from './referrals.queries';

const organizationId = '11111111-1111-4111-8111-111111111111';

/** The SQL reviewers read: a change to it shows up in these snapshots. */
describe('referral SQL', () => {
  it('builds the inbox with the organisation’s scope inside the query', () => {
    const { page, count } = referralListQueries({ direction: 'received', status: 'SENT' }, organizationId, {
      limit: 20,
      offset: 20,
    });
    expect(page.text).toMatchSnapshot('inbox page');
    expect(page.values).toEqual([organizationId, 'SENT', 20, 20]);
    expect(count.text).toMatchSnapshot('inbox count');
  });

  it('lists what was sent, or both directions when none is asked', () => {
    const sent = referralListQueries({ direction: 'sent' }, organizationId, { limit: 20, offset: 0 });
    expect(sent.count.text).toContain('r.from_organization_id = $1');
    const both = referralListQueries(
      { applicantFileId: '22222222-2222-4222-8222-222222222222' },
      organizationId,
      { limit: 20, offset: 0 },
    );
    expect(both.count.text).toContain('(r.to_organization_id = $1 OR r.from_organization_id = $1)');
    expect(both.count.text).toContain('r.applicant_file_id = $2');
  });

  it('reads one referral only for its sender or receiver', () => {
    expect(referralQuery('33333333-3333-4333-8333-333333333333', organizationId).text).toMatchSnapshot(
      'detail',
    );
  });
});
