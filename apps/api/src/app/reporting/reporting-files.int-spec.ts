import type { ApiError, FilesReport } from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { minimalFile, registrableFile } from '@api/testing/builders';
import { ReportingRefreshJob } from './reporting-refresh.job';
import {
  type Session,
  plannedFile,
  refreshSummary,
  report,
  signIn,
  sql,
  wishing,
} from './testing/reporting-fixtures';

jest.setTimeout(60_000);

const ACCOUNTS = ['mourenx.agent', 'lagor.relais', 'office64.bailleur', 'cclo.coordination'] as const;
type Account = (typeof ACCOUNTS)[number];

/**
 * Today is Monday 15 June 2026 (TEST_NOW). Eleven files:
 * - Mourenx: M1 registered 2 March 2026; M2 (T2 and T3) registered 10 February; M3 registered
 *   1 July 2025 and M4 on 10 July 2025 (created January 2025), both RENEWAL_DUE today; M5 created
 *   in November 2024, registered 1 December 2025, withdrawn 1 April 2026; M6 a contact of May 2026.
 * - Lagor (relay): three contacts, of April 2026, May 2026 and March 2025.
 * - Office 64: O1 registered 1 August 2025, lease signed 20 May 2026; O2 registered 5 January 2026.
 * Registered files live in Orthez (64430) and wish a T2; contacts give no commune.
 */
describe('reporting: files', () => {
  let t: TestApp;
  let as: Record<Account, Session>;

  beforeAll(async () => {
    t = await startTestApp();
    as = (await signIn(t, ACCOUNTS)) as Record<Account, Session>;
    const mourenx = as['mourenx.agent'].token;
    const lagor = as['lagor.relais'].token;
    const office64 = as['office64.bailleur'].token;
    await plannedFile(t, mourenx, { createdOn: '2026-03-01', registeredOn: '2026-03-02' });
    await plannedFile(t, mourenx, {
      createdOn: '2026-02-01',
      registeredOn: '2026-02-10',
      content: wishing(['T2', 'T3'], ['64430']),
    });
    await plannedFile(t, mourenx, { createdOn: '2025-06-20', registeredOn: '2025-07-01' });
    await plannedFile(t, mourenx, { createdOn: '2025-01-15', registeredOn: '2025-07-10' });
    await plannedFile(t, mourenx, {
      createdOn: '2024-11-01',
      registeredOn: '2025-12-01',
      closure: { reason: 'WITHDRAWN', closedOn: '2026-04-01' },
    });
    await plannedFile(t, mourenx, { createdOn: '2026-05-10', content: minimalFile() });
    await plannedFile(t, lagor, { createdOn: '2026-04-01', content: minimalFile() });
    await plannedFile(t, lagor, { createdOn: '2026-05-01', content: minimalFile() });
    await plannedFile(t, lagor, { createdOn: '2025-03-01', content: minimalFile() });
    await plannedFile(t, office64, {
      createdOn: '2025-07-20',
      registeredOn: '2025-08-01',
      leaseSignedOn: '2026-05-20',
    });
    await plannedFile(t, office64, {
      createdOn: '2026-01-05',
      registeredOn: '2026-01-05',
      content: registrableFile(),
    });
    await refreshSummary(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const files = (who: Account, query = '') => report<FilesReport & ApiError>(t, as[who], 'files', query);
  const shown = (count: number) => ({ count, suppressed: false });
  const hidden = { count: null, suppressed: true };

  it('gives the coordinator the territory on the last day and the files entered, by point of entry', async () => {
    const response = await files('cclo.coordination');
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body).toMatchObject({
      period: { from: '2025-06-16', to: '2026-06-15' },
      computedOn: '2026-06-15',
      view: 'everything',
      minCasesPerFigure: 5,
      summaryRefreshedAt: expect.any(String),
    });
    expect(body.organization).toBeUndefined();
    const territory = body.territory!;
    expect(territory.atEndOfPeriod.total).toBe(11);
    expect(territory.atEndOfPeriod.byStatus).toEqual([
      { status: 'CONTACT', ...shown(4) },
      { status: 'REGISTERED', ...shown(3) },
      { status: 'RENEWAL_DUE', ...shown(2) },
      { status: 'CLOSED', ...shown(2) },
    ]);
    expect(territory.atEndOfPeriod.byCommune).toEqual([
      { inseeCode: '64430', name: 'Orthez', ...shown(7) },
      { inseeCode: null, name: null, ...shown(4) },
    ]);
    expect(territory.atEndOfPeriod.byTypology).toEqual([
      { typology: 'ROOM', ...shown(0) },
      { typology: 'T1', ...shown(0) },
      { typology: 'T2', ...shown(7) },
      { typology: 'T3', ...shown(1) },
      { typology: 'T4', ...shown(0) },
      { typology: 'T5', ...shown(0) },
      { typology: 'T6_PLUS', ...shown(0) },
    ]);
    expect(territory.atEndOfPeriod.byPointOfEntry).toEqual([
      {
        id: as['mourenx.agent'].organizationId,
        name: as['mourenx.agent'].organizationName,
        type: 'INFO_POINT',
        ...shown(6),
      },
      {
        id: as['lagor.relais'].organizationId,
        name: as['lagor.relais'].organizationName,
        type: 'RELAY_POINT',
        ...shown(3),
      },
      {
        id: as['office64.bailleur'].organizationId,
        name: as['office64.bailleur'].organizationName,
        type: 'LANDLORD',
        ...shown(2),
      },
    ]);
    // Entered since 16 June 2025: M1, M2, M3, M6, two Lagor contacts, O1, O2.
    expect(territory.enteredDuringPeriod.total).toBe(8);
    expect(territory.enteredDuringPeriod.byPointOfEntry?.map((o) => [o.type, o.count])).toEqual([
      ['INFO_POINT', 4],
      ['RELAY_POINT', 2],
      ['LANDLORD', 2],
    ]);
    expect(territory.enteredDuringPeriod.byCommune).toEqual([
      { inseeCode: '64430', name: 'Orthez', ...shown(5) },
      { inseeCode: null, name: null, ...shown(3) },
    ]);
  });

  it('gives an info point agent its organisation and the territory, counts of 1 to 4 withheld', async () => {
    const response = await files('mourenx.agent');
    expect(response.status).toBe(200);
    const { organization, territory, view } = response.body;
    expect(view).toBe('ownOrganizationAndTerritory');
    expect(organization).toMatchObject({ id: as['mourenx.agent'].organizationId, type: 'INFO_POINT' });
    expect(organization!.atEndOfPeriod.total).toBe(6);
    expect(organization!.atEndOfPeriod.byStatus).toEqual([
      { status: 'CONTACT', ...hidden },
      { status: 'REGISTERED', ...hidden },
      { status: 'RENEWAL_DUE', ...hidden },
      { status: 'CLOSED', ...hidden },
    ]);
    expect(organization!.atEndOfPeriod.byTypology.find((row) => row.typology === 'T2')).toEqual({
      typology: 'T2',
      ...shown(5),
    });
    expect(organization!.atEndOfPeriod.byTypology.find((row) => row.typology === 'T4')).toEqual({
      typology: 'T4',
      ...shown(0),
    });
    expect(organization!.atEndOfPeriod.byPointOfEntry).toBeUndefined();
    expect(territory!.atEndOfPeriod.total).toBe(11);
    expect(territory!.atEndOfPeriod.byStatus).toEqual([
      { status: 'CONTACT', ...hidden },
      { status: 'REGISTERED', ...hidden },
      { status: 'RENEWAL_DUE', ...hidden },
      { status: 'CLOSED', ...hidden },
    ]);
    expect(territory!.atEndOfPeriod.byCommune).toEqual([
      { inseeCode: '64430', name: 'Orthez', ...shown(7) },
      { inseeCode: null, name: null, ...hidden },
    ]);
    expect(territory!.atEndOfPeriod.byPointOfEntry).toBeUndefined();
    expect(territory!.enteredDuringPeriod.byPointOfEntry).toBeUndefined();
  });

  it('gives a landlord its own files and the territory totals, no other organisation named', async () => {
    const response = await files('office64.bailleur');
    expect(response.status).toBe(200);
    expect(response.body.organization!.atEndOfPeriod.total).toBe(2);
    expect(response.body.organization!.enteredDuringPeriod.total).toBe(2);
    expect(response.body.territory!.atEndOfPeriod.total).toBe(11);
    expect(JSON.stringify(response.body)).not.toContain(as['mourenx.agent'].organizationId);
    expect(JSON.stringify(response.body)).not.toContain(as['lagor.relais'].organizationId);
  });

  it("gives a relay clerk its organisation's figures only", async () => {
    const response = await files('lagor.relais');
    expect(response.status).toBe(200);
    expect(response.body.view).toBe('ownOrganization');
    expect(response.body.territory).toBeUndefined();
    expect(response.body.organization!.atEndOfPeriod.total).toBe(3);
    expect(response.body.organization!.atEndOfPeriod.byStatus[0]).toEqual({ status: 'CONTACT', ...hidden });
    expect(response.body.organization!.enteredDuringPeriod.total).toBe(2);
  });

  it('reads the files as they stood at the end of a past year', async () => {
    const response = await files('cclo.coordination', '?year=2025');
    expect(response.status).toBe(200);
    expect(response.body.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    // M3, M4, M5 and O1 registered; the Lagor contact of March 2025.
    expect(response.body.territory!.atEndOfPeriod.byStatus.map((s) => [s.status, s.count])).toEqual([
      ['CONTACT', 1],
      ['REGISTERED', 4],
      ['RENEWAL_DUE', 0],
      ['CLOSED', 0],
    ]);
    expect(response.body.territory!.enteredDuringPeriod.total).toBe(4);
  });

  it('reads a quarter (up to today while it runs) and a custom period', async () => {
    const quarter = await files('cclo.coordination', '?quarter=2026-Q2');
    expect(quarter.body.period).toEqual({ from: '2026-04-01', to: '2026-06-15' });
    expect(quarter.body.territory!.atEndOfPeriod.total).toBe(11);
    expect(quarter.body.territory!.enteredDuringPeriod.total).toBe(3);

    const custom = await files('cclo.coordination', '?from=2026-01-01&to=2026-03-31');
    expect(custom.body.period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(custom.body.territory!.atEndOfPeriod.byStatus.map((s) => [s.status, s.count])).toEqual([
      ['CONTACT', 1],
      ['REGISTERED', 7],
      ['RENEWAL_DUE', 0],
      ['CLOSED', 0],
    ]);
    expect(custom.body.territory!.enteredDuringPeriod.total).toBe(3);
  });

  it('refuses bad and contradictory periods with 400 and the field at fault', async () => {
    const cases: [string, string][] = [
      ['?from=2026-02-30', 'from'],
      ['?from=2026-05-01&to=2026-04-01', 'from'],
      ['?to=2026-07-01', 'to'],
      ['?year=26', 'year'],
      ['?year=1999', 'year'],
      ['?quarter=2026-Q5', 'quarter'],
      ['?quarter=2027-Q1', 'quarter'],
      ['?year=2026&quarter=2026-Q1', 'year'],
      ['?year=2026&from=2026-01-01', 'from'],
      ['?from=2010-01-01&to=2026-01-01', 'from'],
      ['?period=month', 'period'],
    ];
    for (const [query, field] of cases) {
      const response = await files('cclo.coordination', query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect({ query, fields: response.body.details?.map((d) => d.field) }).toEqual({
        query,
        fields: expect.arrayContaining([field]),
      });
    }
  });

  it('follows the files as they change, once the summary catches up', async () => {
    const before = await files('cclo.coordination');
    await plannedFile(t, as['mourenx.agent'].token, { createdOn: '2026-06-15', content: minimalFile() });
    await sql(t, "UPDATE applicant_file SET updated_at = now() WHERE status = 'CONTACT'");
    expect((await t.app.get(ReportingRefreshJob).run())?.files).toMatchObject({ moved: 1 });
    const after = await files('cclo.coordination');
    expect(after.body.territory!.atEndOfPeriod.total).toBe(before.body.territory!.atEndOfPeriod.total + 1);
    expect(after.body.territory!.enteredDuringPeriod.total).toBe(9);
  });
});
