import type { Cell as SheetCell, Sheet } from 'write-excel-file/universal';
import {
  type Cell,
  type Column,
  formatCalendarDate,
  isSuppressed,
  NO_FIGURE_TEXT,
  type ReportTable,
  SUPPRESSED_TEXT,
} from './report-table';

/**
 * The exports of the Pilotage tables, made in the browser: CSV as French Excel opens it (UTF-8 with
 * a byte-order mark, `;` between fields, decimal comma) and XLSX, one sheet per table.
 */

export const CSV_MIME = 'text/csv;charset=utf-8';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const BOM = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';

const DECIMAL = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, useGrouping: false });

/**
 * Text a spreadsheet would run as a formula (OWASP, « CSV injection »): names typed by users reach
 * these tables. A leading apostrophe keeps it text, in CSV and XLSX alike; figures are never text
 * here, so a negative one stays a number.
 */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * A text field, quoted when it holds a quote, a line break or a separator: `;`, or `,` and tab for
 * a spreadsheet set to split on those, where an unquoted `a,=1+1` would start a cell with `=`.
 */
function csvText(value: string): string {
  const text = neutralised(value);
  return /[;,"\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A share is written as a percentage (« 45,3 »), its header saying « (%) ». */
function csvHeader(column: Column): string {
  return csvText(column.kind === 'share' ? `${column.header} (%)` : column.header);
}

/** Figures stay bare (`-12,5`): French Excel reads them as numbers. */
function csvValue(cell: Cell, column: Column): string {
  if (cell === null) return '';
  if (isSuppressed(cell)) return csvText(SUPPRESSED_TEXT);
  if (typeof cell === 'string') return csvText(column.kind === 'date' ? formatCalendarDate(cell) : cell);
  if (column.kind === 'share') return DECIMAL.format(cell * 100);
  return DECIMAL.format(cell);
}

function csvLines(table: ReportTable): string[] {
  return [
    table.columns.map(csvHeader).join(SEPARATOR),
    ...table.rows.map((row) =>
      table.columns.map((column, index) => csvValue(row[index] ?? null, column)).join(SEPARATOR),
    ),
  ];
}

/**
 * One table: its header line then its rows. Several tables: each under its title, a blank line
 * between them. `heading` (the period, say) opens the file.
 */
export function tablesToCsv(tables: readonly ReportTable[], heading?: string): string {
  const blocks: string[][] = [];
  if (heading) blocks.push([csvText(heading)]);
  if (tables.length === 1 && !heading) {
    blocks.push(csvLines(tables[0] as ReportTable));
  } else {
    for (const table of tables) blocks.push([csvText(table.title), ...csvLines(table)]);
  }
  return BOM + blocks.map((lines) => lines.join(LINE_END)).join(LINE_END + LINE_END) + LINE_END;
}

export function csvBlob(tables: readonly ReportTable[], heading?: string): Blob {
  return new Blob([tablesToCsv(tables, heading)], { type: CSV_MIME });
}

function sheetCell(cell: Cell, column: Column): SheetCell {
  if (cell === null) return { type: String, value: NO_FIGURE_TEXT };
  if (isSuppressed(cell)) return { type: String, value: SUPPRESSED_TEXT, textColor: '#5f6368' };
  if (typeof cell === 'string') {
    return { type: String, value: neutralised(column.kind === 'date' ? formatCalendarDate(cell) : cell) };
  }
  switch (column.kind) {
    case 'share':
      return { type: Number, value: cell, format: '0.0%' };
    case 'days':
      return { type: Number, value: cell, format: '0.0' };
    default:
      return { type: Number, value: cell, format: '#,##0' };
  }
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
export function sheetNames(tables: readonly ReportTable[]): string[] {
  const used = new Set<string>();
  return tables.map((table) => {
    const base =
      table.sheetName
        .replace(/[[\]:*?/\\]/g, ' ')
        .trim()
        .slice(0, 31) || 'Tableau';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1)
      name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** One sheet per table: its title (and the heading) on the first line, then the header and the rows. */
export function workbookSheets(tables: readonly ReportTable[], heading?: string): Sheet<Blob>[] {
  const names = sheetNames(tables);
  return tables.map((table, index) => ({
    sheet: names[index] as string,
    data: [
      [
        {
          type: String,
          value: neutralised(heading ? `${table.title} — ${heading}` : table.title),
          fontWeight: 'bold',
        },
      ],
      table.columns.map((column) => ({
        type: String,
        value: neutralised(column.header),
        fontWeight: 'bold' as const,
      })),
      ...table.rows.map((row) =>
        table.columns.map((column, columnIndex) => sheetCell(row[columnIndex] ?? null, column)),
      ),
    ],
    columns: table.columns.map((column, columnIndex) => ({ width: columnIndex === 0 ? 40 : 18 })),
    stickyRowsCount: 2,
  }));
}

/** The workbook, with the spreadsheet library loaded only when someone exports. */
export async function xlsxBlob(tables: readonly ReportTable[], heading?: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  return writeXlsxFile(workbookSheets(tables, heading), { fontFamily: 'Arial', fontSize: 11 }).toBlob();
}

/** `Dossiers par statut` → `dossiers-par-statut`. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Hands a file to the browser's downloads. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
