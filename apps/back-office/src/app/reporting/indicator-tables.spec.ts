import type {
  FilesReport,
  ReceptionCommitmentReport,
  ReportingContext,
  WaitingTimesReport,
} from '@passerelle/shared/domain';
import { indicatorTables } from './indicator-tables';
import { displayCell, SUPPRESSED } from './report-table';

const CONTEXT: ReportingContext = {
  period: { from: '2025-01-01', to: '2025-12-31' },
  computedOn: '2026-05-12',
  view: 'ownOrganizationAndTerritory',
  minCasesPerFigure: 5,
  summaryRefreshedAt: '2026-05-12T08:00:00Z',
};

const shown = (count: number) => ({ count, suppressed: false });
const withheld = { count: null, suppressed: true };

describe('the tables of the indicators', () => {
  it('puts the organisation and the territory side by side, a withheld count as such', () => {
    const figures = (registered: number, renewalDue: typeof withheld | ReturnType<typeof shown>) => ({
      atEndOfPeriod: {
        total: registered + 3,
        byStatus: [
          { status: 'REGISTERED' as const, ...shown(registered) },
          { status: 'RENEWAL_DUE' as const, ...renewalDue },
        ],
        byCommune: [{ inseeCode: '64410', name: 'Mourenx', ...shown(registered) }],
        byTypology: [],
      },
      enteredDuringPeriod: { total: 0, byCommune: [], byTypology: [] },
    });
    const report: FilesReport = {
      ...CONTEXT,
      organization: { id: 'o1', name: 'Point-info Mourenx', type: 'INFO_POINT', ...figures(40, withheld) },
      territory: figures(1200, shown(35)),
    };

    const [byStatus, byCommune, ...others] = indicatorTables('files', report);
    expect(byStatus?.title).toBe('Dossiers au 31/12/2025, par statut');
    expect(byStatus?.columns.map((column) => column.header)).toEqual([
      'Statut',
      'Dossiers — Point-info Mourenx',
      'Dossiers — Territoire',
    ]);
    expect(byStatus?.rows).toEqual([
      ['Enregistrée', 40, 1200],
      ['À renouveler', SUPPRESSED, 35],
      ['Total', 43, 1203],
    ]);
    expect(byCommune?.rows).toEqual([['Mourenx', 40, 1200]]);
    // Empty breakdowns are still tables (with no rows): the page says there is nothing to show.
    expect(others.map((table) => table.rows.length)).toEqual([0, 0, 0]);
  });

  it('lists late reception cases and withholds thin shares and delays', () => {
    const report: ReceptionCommitmentReport = {
      ...CONTEXT,
      view: 'everything',
      territory: {
        total: 12,
        met: shown(8),
        late: shown(3),
        open: shown(1),
        shareMet: { cases: 11, count: 8, share: 0.727, suppressed: false },
        daysLate: { cases: 3, averageDays: null, medianDays: null, suppressed: true },
        lateCases: [
          {
            requestedOn: '2025-03-02',
            deadline: '2025-04-02',
            daysLate: 6,
            receivedOn: null,
            recordedBy: { id: 'o2', name: 'Mairie de Lagor', type: 'RELAY_POINT' },
          },
        ],
      },
    };
    const [summary, late] = indicatorTables('reception-commitment', report);
    expect(summary?.rows).toEqual([['Territoire', 12, 8, 3, 1, 0.727, SUPPRESSED, SUPPRESSED]]);
    expect(displayCell(0.727, 'share')).toBe('72,7\u00a0%');
    expect(displayCell(SUPPRESSED, 'days')).toBe('moins de 5 cas');
    expect(late?.rows).toEqual([['2025-03-02', '2025-04-02', 6, 'en attente', 'Mairie de Lagor']]);
    expect(displayCell('2025-03-02', 'date')).toBe('02/03/2025');
  });

  it('gives the waiting time overall then by typology, in days', () => {
    const days = (cases: number, averageDays: number, medianDays: number) => ({
      cases,
      averageDays,
      medianDays,
      suppressed: false,
    });
    const report: WaitingTimesReport = {
      ...CONTEXT,
      view: 'everything',
      territory: {
        overall: days(30, 410.5, 380),
        byTypology: [{ typology: 'T3', ...days(12, 500, 470) }],
        byCommune: [{ inseeCode: '64430', name: 'Orthez', ...days(9, 300, 290) }],
      },
    };
    const [byTypology, byCommune] = indicatorTables('waiting-times', report);
    expect(byTypology?.rows).toEqual([
      ['Toutes typologies', 30, 410.5, 380],
      ['T3', 12, 500, 470],
    ]);
    expect(byCommune?.rows).toEqual([['Orthez', 9, 300, 290]]);
    expect(displayCell(1234.56, 'days')).toBe('1\u202f234,6');
  });
});
