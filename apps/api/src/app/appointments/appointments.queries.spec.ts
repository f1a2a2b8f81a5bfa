import { SqlParams } from '@api/platform/database/sql-params';
import { appointmentListQueries, walkInOccurrencesQuery } from './appointments.queries';
import { receptionCommitmentSql } from './reception-commitment';

const organizationId = '11111111-1111-4111-8111-111111111111';
const fileId = '22222222-2222-4222-8222-222222222222';

/** The SQL reviewers read: a change to it shows up in these snapshots. */
describe('appointment SQL', () => {
  it('lists the organisation’s appointments between two Paris days, by start time', () => {
    const { page, count } = appointmentListQueries(
      { from: '2026-06-01', to: '2026-06-30', applicantFileId: fileId },
      organizationId,
      { limit: 20, offset: 0 },
    );
    expect(page.text).toMatchSnapshot('list page');
    expect(page.values).toEqual([organizationId, '2026-06-01', '2026-06-30', fileId, 20, 0]);
    expect(count.text).toMatchSnapshot('list count');
  });

  it('computes walk-in occurrences in Europe/Paris', () => {
    const { text, values } = walkInOccurrencesQuery(organizationId, '2026-03-23', '2026-04-05');
    expect(text).toMatchSnapshot('walk-in occurrences');
    expect(values).toEqual([organizationId, '2026-03-23', '2026-04-05']);
  });
});

describe('reception commitment SQL', () => {
  it('computes the state of every reception request on a given day', () => {
    const params = new SqlParams();
    const text = receptionCommitmentSql(params, '2026-03-05');
    expect(text).toMatchSnapshot('all requests');
    expect(params.values).toEqual(['2026-03-05']);
  });

  it('takes the filters reporting needs, after the caller’s own parameters', () => {
    const params = new SqlParams();
    params.add('caller');
    const text = receptionCommitmentSql(params, '2026-03-05', {
      applicantFileId: fileId,
      requestedFrom: '2025-03-01',
      requestedTo: '2026-02-28',
      recordedByOrganizationId: organizationId,
    });
    expect(text).toContain('rr.applicant_file_id = $2');
    expect(text).toContain('rr.requested_on >= $3::date');
    expect(text).toContain('rr.requested_on <= $4::date');
    expect(text).toContain('rr.recorded_by_organization_id = $5');
    expect(params.values).toEqual([
      'caller',
      fileId,
      '2025-03-01',
      '2026-02-28',
      organizationId,
      '2026-03-05',
    ]);
  });
});
