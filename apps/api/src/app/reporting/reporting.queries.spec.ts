import type { ReportingPeriod } from '@passerelle/shared/domain';
import {
  type ReportingScope,
  activityQuery,
  documentFiguresQuery,
  fileFiguresQuery,
  lateReceptionQuery,
  receptionFiguresQuery,
  referralHistogramQuery,
  reminderFileQuery,
  remindersQueries,
  renewalFiguresQuery,
  waitingCasesQuery,
} from './reporting.queries';
import {
  documentSnapshotStatements,
  extendCheckpointsStatement,
  rebuildFileSummaryStatements,
  rebuildWaitingDaysStatements,
  rebuildReceptionFactsStatements,
  rebuildReferralFactsStatements,
  refreshFileSummaryStatement,
  refreshWaitingDaysStatements,
  refreshReceptionFactsStatement,
  refreshReferralFactsStatement,
} from './reporting-summary.queries';

const ORG = '11111111-1111-4111-8111-111111111111';
const period: ReportingPeriod = { from: '2025-06-16', to: '2026-06-15' };
const TODAY = '2026-06-15';
const scopes: Record<string, ReportingScope> = {
  coordinator: { organizationId: ORG, ownOnly: false, byOrganization: true },
  partner: { organizationId: ORG, ownOnly: false, byOrganization: false },
  relay: { organizationId: ORG, ownOnly: true, byOrganization: false },
};

/** The SQL reviewers read: a change to it shows up in these snapshots. */
describe('reporting SQL', () => {
  it.each(Object.keys(scopes))('builds the indicator statements for the %s', (who) => {
    const scope = scopes[who]!;
    expect(fileFiguresQuery(period, scope).text).toMatchSnapshot('files');
    expect(referralHistogramQuery(period, scope).text).toMatchSnapshot('referrals');
    expect(receptionFiguresQuery(period, scope).text).toMatchSnapshot('reception commitment');
    expect(renewalFiguresQuery(period, TODAY, scope).text).toMatchSnapshot('renewals');
    expect(waitingCasesQuery(period, scope).text).toMatchSnapshot('waiting times');
    expect(documentFiguresQuery(period, scope).text).toMatchSnapshot('documents');
    expect(activityQuery(period, scope).text).toMatchSnapshot('activity');
  });

  it('passes dates and the organisation as parameters', () => {
    expect(fileFiguresQuery(period, scopes['partner']!).values).toEqual([TODAY, '2025-06-15', ORG]);
    expect(renewalFiguresQuery(period, TODAY, scopes['relay']!).values).toEqual([
      ORG,
      TODAY,
      '2026-07-15',
      '2025-06-16',
      TODAY,
    ]);
    expect(lateReceptionQuery(period, ORG).values).toEqual(['2025-06-16', TODAY, ORG]);
  });

  it('names the late reception cases without anything about the applicant', () => {
    const { text } = lateReceptionQuery(period, null);
    expect(text).toMatchSnapshot();
    expect(text).not.toMatch(/content|last_name|sne_number/);
  });

  it('builds the renewal reminder list within the scope of files', () => {
    const { page, count } = remindersQueries(
      TODAY,
      { scope: 'shared+own', organizationId: ORG, today: TODAY },
      {
        limit: 20,
        offset: 40,
      },
    );
    expect(page.text).toMatchSnapshot('reminders page');
    expect(count.text).toMatchSnapshot('reminders count');
    expect(page.values).toEqual([TODAY, '2026-07-15', '2025-06-15', ORG, 20, 40]);
    expect(reminderFileQuery(ORG, { scope: 'own', organizationId: ORG, today: TODAY }).text).toMatchSnapshot(
      'reminder file',
    );
  });

  it('builds the summary statements of the job', () => {
    expect(rebuildFileSummaryStatements(TODAY).map((s) => s.text)).toMatchSnapshot('rebuild');
    expect(refreshFileSummaryStatement(new Date('2026-06-15T08:00:00Z')).text).toMatchSnapshot('refresh');
    expect(extendCheckpointsStatement(TODAY).text).toMatchSnapshot('extend checkpoints');
    expect(rebuildWaitingDaysStatements().map((s) => s.text)).toMatchSnapshot('waiting days');
    expect(refreshWaitingDaysStatements([TODAY]).map((s) => s.text)).toMatchSnapshot('waiting days refresh');
    expect(documentSnapshotStatements(TODAY).map((s) => s.text)).toMatchSnapshot('documents');
    expect(rebuildReferralFactsStatements().map((s) => s.text)).toMatchSnapshot('referral facts');
    expect(refreshReferralFactsStatement(new Date('2026-06-15T08:00:00Z')).text).toMatchSnapshot(
      'referral refresh',
    );
    expect(rebuildReceptionFactsStatements(TODAY).map((s) => s.text)).toMatchSnapshot('reception facts');
    expect(refreshReceptionFactsStatement(new Date('2026-06-15T08:00:00Z'), TODAY).text).toMatchSnapshot(
      'reception refresh',
    );
  });
});
