import type {
  FilesReport,
  ReceptionCommitmentReport,
  ReferralsReport,
  WaitingTimesReport,
} from '@passerelle/shared/domain';
import { type TestApp, TEST_NOW, startTestApp } from '@api/testing/test-app';
import { minimalFile } from '@api/testing/builders';
import { REPORTING_REFRESH_LOCK, ReportingRefreshJob } from './reporting-refresh.job';
import { type Session, plannedFile, report, signIn, sql, wishing } from './testing/reporting-fixtures';

jest.setTimeout(90_000);

/** The whole summary, zero rows left out, in a stable order: what a rebuild would make. */
async function summaryContent(t: TestApp): Promise<unknown[]> {
  return [
    await sql(
      t,
      `SELECT day, entry_organization_id, dimension, key, measure, files FROM reporting_file_flow
        WHERE files <> 0 ORDER BY 1, 2, 3, 4, 5`,
    ),
    await sql(
      t,
      `SELECT month, entry_organization_id, dimension, key, measure, files FROM reporting_file_checkpoint
        WHERE files <> 0 ORDER BY 1, 2, 3, 4, 5`,
    ),
    await sql(t, 'SELECT * FROM reporting_file_fact ORDER BY applicant_file_id'),
    await sql(t, 'SELECT * FROM reporting_waiting_days ORDER BY 1, 2, 3, 4'),
  ];
}

describe('reporting summary job', () => {
  let t: TestApp;
  let mourenx: Session;
  let coordinator: Session;
  let job: ReportingRefreshJob;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    ({ 'mourenx.agent': mourenx, 'cclo.coordination': coordinator } = (await signIn(t, [
      'mourenx.agent',
      'cclo.coordination',
    ])) as Record<string, Session>);
    job = t.app.get(ReportingRefreshJob);
    ids.push(await plannedFile(t, mourenx.token, { createdOn: '2025-03-10', content: minimalFile() }));
    ids.push(await plannedFile(t, mourenx.token, { createdOn: '2025-07-01', registeredOn: '2025-07-02' }));
    ids.push(await plannedFile(t, mourenx.token, { createdOn: '2025-11-20', registeredOn: '2025-12-01' }));
    ids.push(
      await plannedFile(t, mourenx.token, {
        createdOn: '2026-02-14',
        registeredOn: '2026-02-15',
        content: wishing(['T3', 'T4'], ['64410']),
      }),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  afterEach(() => t.clock.set(TEST_NOW));

  it('builds the summary from nothing, then catches up with changed files only, as a rebuild would', async () => {
    expect(await job.run()).toEqual({ files: 'rebuilt', documents: 'measured' });
    expect(await job.run()).toEqual({ files: { changed: 4, moved: 0 }, documents: 'fresh' });

    // A commune changes the file's whole history; a closure ends it; a backdated registration too.
    const [first, second, third] = ids as [string, string, string];
    await sql(t, "UPDATE applicant_file SET insee_code = '64410', updated_at = now() WHERE id = $1", [first]);
    await t.request('POST', `/api/applicant-files/${third}/closure`, {
      token: mourenx.token,
      body: { reason: 'WITHDRAWN', closedOn: '2026-03-03' },
      headers: { 'if-match': '"2"' },
    });
    await sql(
      t,
      "UPDATE applicant_file SET registered_on = '2025-08-15', wished_typologies = '{T1}', updated_at = now() WHERE id = $1",
      [second],
    );
    ids.push(await plannedFile(t, mourenx.token, { createdOn: '2026-06-15', content: minimalFile() }));

    const refreshed = await job.run();
    expect(refreshed?.files).toEqual({ changed: expect.any(Number), moved: 4 });
    const incremental = await summaryContent(t);
    expect(await job.run({ rebuild: true })).toMatchObject({ files: 'rebuilt' });
    expect(await summaryContent(t)).toEqual(incremental);

    const files = await report<FilesReport>(t, coordinator, 'files', '?from=2025-01-01&to=2026-03-31');
    expect(files.body.territory!.atEndOfPeriod.byStatus.map((s) => [s.status, s.count])).toEqual([
      ['CONTACT', 1],
      ['REGISTERED', 2],
      ['RENEWAL_DUE', 0],
      ['CLOSED', 1],
    ]);
    expect(files.body.territory!.atEndOfPeriod.byCommune.map((c) => [c.inseeCode, c.count])).toEqual([
      ['64430', 3],
      ['64410', 1],
    ]);
  });

  it('keeps the waiting days of the demands housed on each day that changed, as a rebuild would', async () => {
    const landlord = (await signIn(t, ['office64.bailleur']))['office64.bailleur']!;
    await job.run({ rebuild: true });
    // Housed on 2026-04-01 after 100, 200, 300, 400 and 500 days.
    const housed: string[] = [];
    for (const waited of [100, 200, 300, 400, 500]) {
      housed.push(
        await plannedFile(t, landlord.token, {
          createdOn: '2026-03-01',
          registeredOn: '2026-03-01',
          leaseSignedOn: '2026-04-01',
          seniorityDate: new Date(Date.parse('2026-04-01') - waited * 86_400_000).toISOString().slice(0, 10),
          content: wishing(['T2'], ['64430']),
        }),
      );
    }
    const waiting = async () =>
      (await report<WaitingTimesReport>(t, coordinator, 'waiting-times', '?from=2026-01-01&to=2026-06-15'))
        .body.territory!;
    await job.run();
    expect((await waiting()).overall).toEqual({
      cases: 5,
      averageDays: 300,
      medianDays: 300,
      suppressed: false,
    });

    // One demand waited longer than its registration says; another now wishes a T3 too.
    await sql(
      t,
      "UPDATE applicant_file SET seniority_date = '2024-04-01', updated_at = now() WHERE id = $1",
      [housed[0]],
    );
    await sql(
      t,
      "UPDATE applicant_file SET wished_typologies = '{T2,T3}', updated_at = now() WHERE id = $1",
      [housed[1]],
    );
    await job.run();
    const after = await waiting();
    expect(after.overall).toEqual({ cases: 5, averageDays: 426, medianDays: 400, suppressed: false });
    expect(after.byTypology.find((row) => row.typology === 'T3')).toMatchObject({
      cases: 1,
      suppressed: true,
    });
    const incremental = await summaryContent(t);
    await job.run({ rebuild: true });
    expect(await summaryContent(t)).toEqual(incremental);
  });

  it('catches up with the referrals sent and answered since the last refresh', async () => {
    // Referrals are stamped with the database's own time: read them on that day.
    t.clock.set(new Date());
    await job.run({ rebuild: true });
    const sdsei = (await signIn(t, ['sdsei.ts']))['sdsei.ts']!;
    const sent = await t.request<{ id: string }>('POST', '/api/referrals', {
      token: mourenx.token,
      body: { applicantFileId: ids[0], toOrganizationId: sdsei.organizationId, reason: 'Évaluation sociale' },
    });
    expect(sent.status).toBe(201);
    await job.run();
    const before = await report<ReferralsReport>(t, coordinator, 'referrals');
    expect(before.body.territory!.byStatus.find((s) => s.status === 'SENT')?.count).toBe(1);
    const answered = await t.request('PATCH', `/api/referrals/${sent.body.id}`, {
      token: sdsei.token,
      body: { status: 'ACCEPTED' },
    });
    expect(answered.status).toBe(200);
    await job.run();
    const after = await report<ReferralsReport>(t, coordinator, 'referrals');
    expect(after.body.territory!.byStatus.map((s) => [s.status, s.count])).toEqual([
      ['SENT', 0],
      ['ACCEPTED', 1],
      ['DECLINED', 0],
      ['DONE', 0],
    ]);
    expect(after.body.territory!.delays.sentToAnswered.cases).toBe(1);
  });

  it('measures the one-month clock again as the days pass and the applicant is received', async () => {
    await job.run({ rebuild: true });
    const fileId = ids[1]!;
    const recorded = await t.request('POST', `/api/applicant-files/${fileId}/reception-requests`, {
      token: mourenx.token,
      body: { requestedOn: '2026-06-10' },
    });
    expect(recorded.status).toBe(201);
    const clock = async (query: string) => {
      await job.run();
      return (await report<ReceptionCommitmentReport>(t, coordinator, 'reception-commitment', query)).body
        .territory!;
    };
    expect(await clock('?from=2026-06-01')).toMatchObject({
      total: 1,
      open: { count: 1 },
      late: { count: 0 },
    });
    t.clock.set('2026-07-20T10:00:00Z');
    expect(await clock('?from=2026-06-01')).toMatchObject({
      total: 1,
      open: { count: 0 },
      lateCases: [{ requestedOn: '2026-06-10', deadline: '2026-07-10', daysLate: 10, receivedOn: null }],
    });
    t.clock.set('2026-07-21T06:00:00Z');
    const booked = await t.request<{ id: string }>('POST', '/api/appointments', {
      token: mourenx.token,
      body: { applicantFileId: fileId, startsAt: '2026-07-21T08:00:00Z', durationMinutes: 30 },
    });
    expect(booked.status).toBe(201);
    t.clock.set('2026-07-21T12:00:00Z');
    const held = await t.request('PATCH', `/api/appointments/${booked.body.id}`, {
      token: mourenx.token,
      body: { outcome: 'HONOURED' },
    });
    expect(held.status).toBe(200);
    expect(await clock('?from=2026-06-01')).toMatchObject({
      late: { count: 1 },
      lateCases: [{ daysLate: 11, receivedOn: '2026-07-21' }],
    });
  });

  it('adds the checkpoint of a new month and keeps counting the files due for renewal', async () => {
    await job.run({ rebuild: true });
    t.clock.set('2026-08-03T10:00:00Z');
    await job.run();
    const months = await sql<{ month: string }>(
      t,
      'SELECT DISTINCT month::text AS month FROM reporting_file_checkpoint ORDER BY 1 DESC LIMIT 3',
    );
    expect(months.map((m) => m.month)).toEqual(['2026-08-01', '2026-07-01', '2026-06-01']);
    const extended = await summaryContent(t);
    await job.run({ rebuild: true });
    expect(await summaryContent(t)).toEqual(extended);
    // Registered 2 July 2025 (due 2 July 2026): RENEWAL_DUE from 2 June; not closed by the job here.
    const june = await report<FilesReport>(t, coordinator, 'files', '?from=2026-06-01&to=2026-06-30');
    expect(june.body.territory!.atEndOfPeriod.byStatus.find((s) => s.status === 'RENEWAL_DUE')?.count).toBe(
      1,
    );
  });

  it('runs on one instance at a time: the others skip', async () => {
    await t.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [REPORTING_REFRESH_LOCK]);
      expect(await job.run()).toBeNull();
    });
    expect(await job.run()).not.toBeNull();
  });

  it('says when the summary was refreshed, and rebuilds it when its state is lost', async () => {
    const before = await report<FilesReport>(t, coordinator, 'files');
    expect(Date.parse(before.body.summaryRefreshedAt ?? '')).not.toBeNaN();
    await sql(t, 'DELETE FROM reporting_summary_state');
    const none = await report<FilesReport>(t, coordinator, 'files');
    expect(none.body.summaryRefreshedAt).toBeNull();
    expect(await job.run()).toMatchObject({ files: 'rebuilt' });
  });
});
