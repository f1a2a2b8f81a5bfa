import { type CalendarDate, MIN_CASES_PER_FIGURE } from '@passerelle/shared/domain';

/**
 * One table of figures: what the page shows, what the chart draws and what the exports write. The
 * table is the accessible truth; the chart and the files are views of it.
 */

/** A figure the API withheld because it rests on fewer than 5 cases. */
export interface SuppressedCell {
  readonly suppressed: true;
}

export const SUPPRESSED: SuppressedCell = { suppressed: true };

/** Text, a number (its column says which kind), a withheld figure, or nothing to show. */
export type Cell = string | number | SuppressedCell | null;

/** `share`: a ratio from 0 to 1; `days`: calendar days; `date`: a `YYYY-MM-DD` day. */
export type ColumnKind = 'text' | 'count' | 'share' | 'days' | 'date';

export interface Column {
  readonly header: string;
  readonly kind: ColumnKind;
}

export interface ReportTable {
  /** Unique on a page; used for element ids and file names. */
  readonly id: string;
  /** The caption. */
  readonly title: string;
  /** At most 31 characters (a spreadsheet's sheet name). */
  readonly sheetName: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** Which columns a bar chart draws, over the labels of the first column. */
  readonly chart?: { readonly valueColumns: readonly number[] };
}

export const SUPPRESSED_TEXT = `moins de ${MIN_CASES_PER_FIGURE} cas`;
export const NO_FIGURE_TEXT = '—';

export function isSuppressed(cell: Cell): cell is SuppressedCell {
  return typeof cell === 'object' && cell !== null && cell.suppressed;
}

const COUNT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const DAYS = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** `2026-03-01` → `01/03/2026`. */
export function formatCalendarDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** How a cell reads on screen and in print (French numbers). */
export function displayCell(cell: Cell, kind: ColumnKind): string {
  if (cell === null) return NO_FIGURE_TEXT;
  if (isSuppressed(cell)) return SUPPRESSED_TEXT;
  if (typeof cell === 'string') return kind === 'date' ? formatCalendarDate(cell) : cell;
  switch (kind) {
    case 'share':
      return PERCENT.format(cell);
    case 'days':
      return DAYS.format(cell);
    default:
      return COUNT.format(cell);
  }
}

/** The number a chart draws for a cell; withheld or missing figures are left out (null). */
export function chartValue(cell: Cell, kind: ColumnKind): number | null {
  if (typeof cell !== 'number') return null;
  return kind === 'share' ? Math.round(cell * 1000) / 10 : cell;
}
