import { TestBed } from '@angular/core/testing';
import { text } from '../../testing/casework';
import { SUPPRESSED, type ReportTable } from './report-table';
import { ReportExport } from './report-export.service';
import { ReportTableComponent } from './report-table.component';

const TABLE: ReportTable = {
  id: 'files-by-status',
  title: 'Dossiers au 31/12/2025, par statut',
  sheetName: 'Par statut',
  columns: [
    { header: 'Statut', kind: 'text' },
    { header: 'Dossiers', kind: 'count' },
    { header: 'Part', kind: 'share' },
    { header: 'Délai moyen (jours)', kind: 'days' },
    { header: 'Depuis le', kind: 'date' },
  ],
  rows: [
    ['Enregistrée', 1200, 0.727, 12.25, '2025-03-01'],
    ['À renouveler', SUPPRESSED, SUPPRESSED, null, null],
    ['Total', 1203, 1, 12.3, null],
  ],
};

async function render(inputs: { exportName?: string; heading?: string } = {}) {
  TestBed.configureTestingModule({});
  const fixture = TestBed.createComponent(ReportTableComponent);
  fixture.componentRef.setInput('table', TABLE);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return { fixture, host: fixture.nativeElement as HTMLElement };
}

describe('ReportTableComponent', () => {
  it('writes the figures the French way, a withheld one as « moins de 5 cas »', async () => {
    const { host } = await render();
    expect(text(host.querySelector('caption'))).toBe('Dossiers au 31/12/2025, par statut');
    const rows = [...host.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => text(cell)),
    );
    expect(rows).toEqual([
      ['Enregistrée', '1 200', '72,7 %', '12,3', '01/03/2025'],
      ['À renouveler', 'moins de 5 cas', 'moins de 5 cas', '—', '—'],
      ['Total', '1 203', '100 %', '12,3', '—'],
    ]);
    const withheld = host.querySelectorAll('tbody tr:nth-child(2) td');
    expect([...withheld].map((cell) => cell.classList.contains('suppressed'))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(host.querySelector('tbody tr:last-child')?.classList).toContain('total');
  });

  it('heads its columns, the row labels being row headers, and names its region after its caption', async () => {
    const { host } = await render();
    expect([...host.querySelectorAll('thead th')].map((cell) => text(cell))).toEqual([
      'Statut',
      'Dossiers',
      'Part',
      'Délai moyen (jours)',
      'Depuis le',
    ]);
    expect(host.querySelectorAll('tbody th[scope="row"]')).toHaveLength(3);
    expect(host.querySelector('[role="region"]')?.getAttribute('aria-labelledby')).toBe(
      'files-by-status-legende',
    );
  });

  it('offers no download without a file name', async () => {
    const { host } = await render();
    expect(host.querySelector('.downloads')).toBeNull();
  });

  it('downloads this table alone, under its name, with the period heading', async () => {
    const { host } = await render({
      exportName: 'pilotage-2025-files-by-status',
      heading: 'Passerelle, 2025',
    });
    const exports = TestBed.inject(ReportExport);
    const csv = jest.spyOn(exports, 'csv').mockImplementation(() => undefined);
    const buttons = [...host.querySelectorAll<HTMLButtonElement>('.downloads button')];
    expect(buttons.map((button) => text(button))).toEqual([
      'CSV : télécharger « Dossiers au 31/12/2025, par statut »',
      'Excel : télécharger « Dossiers au 31/12/2025, par statut »',
    ]);
    buttons[0].click();
    expect(csv).toHaveBeenCalledWith([TABLE], 'pilotage-2025-files-by-status', 'Passerelle, 2025');
  });
});
