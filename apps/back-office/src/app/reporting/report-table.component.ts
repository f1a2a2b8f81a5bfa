import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { type Cell, displayCell, isSuppressed, type ReportTable } from './report-table';
import { ReportExport } from './report-export.service';

/** A table of figures, French-formatted, with its CSV and Excel downloads. */
@Component({
  selector: 'bo-report-table',
  imports: [MatButton],
  template: `
    @let data = table();
    <div class="scroll" role="region" [attr.aria-labelledby]="data.id + '-legende'" tabindex="0">
      <table [id]="data.id">
        <caption [id]="data.id + '-legende'">
          {{
            data.title
          }}
        </caption>
        <thead>
          <tr>
            @for (column of data.columns; track $index) {
              <th scope="col" [class.number]="column.kind !== 'text'">{{ column.header }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of data.rows; track $index) {
            <tr [class.total]="row[0] === 'Total'">
              @for (column of data.columns; track $index; let first = $first) {
                @if (first) {
                  <th scope="row">{{ text(row[$index], column.kind) }}</th>
                } @else {
                  <td [class.number]="column.kind !== 'text'" [class.suppressed]="suppressed(row[$index])">
                    {{ text(row[$index], column.kind) }}
                  </td>
                }
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (exportName(); as name) {
      <div class="downloads">
        <button mat-stroked-button type="button" (click)="exports.csv([data], name, heading())">
          CSV<span class="visually-hidden"> : télécharger « {{ data.title }} »</span>
        </button>
        <button
          mat-stroked-button
          type="button"
          [disabled]="exports.busy()"
          (click)="exports.xlsx([data], name, heading())"
        >
          Excel<span class="visually-hidden"> : télécharger « {{ data.title }} »</span>
        </button>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 1.5rem;
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    caption {
      text-align: left;
      font: var(--mat-sys-title-small);
      padding-bottom: 0.5rem;
    }
    th,
    td {
      padding: 0.45rem 0.75rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
      vertical-align: top;
    }
    thead th {
      font: var(--mat-sys-label-large);
    }
    tbody th {
      font-weight: normal;
    }
    .number {
      text-align: right;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .suppressed {
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
    }
    .total th,
    .total td {
      font-weight: 600;
    }
    .downloads {
      display: flex;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    @media print {
      .downloads {
        display: none;
      }
      .scroll {
        overflow: visible;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportTableComponent {
  readonly table = input.required<ReportTable>();
  /** The download's file name (without extension); no downloads without it. */
  readonly exportName = input<string>();
  /** The line that opens the files (the period). */
  readonly heading = input<string>();

  protected readonly exports = inject(ReportExport);

  protected text(cell: Cell | undefined, kind: ReportTable['columns'][number]['kind']): string {
    return displayCell(cell ?? null, kind);
  }

  protected suppressed(cell: Cell | undefined): boolean {
    return cell !== undefined && isSuppressed(cell);
  }
}
