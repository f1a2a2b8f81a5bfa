import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { Chart } from 'chart.js';
import { chartValue, type ReportTable } from './report-table';

/** Bars beyond these are in the table only. */
const MAX_BARS = 15;
const ROW_HEIGHT_REM = 1.9;

/**
 * A bar chart of some columns of a table, drawn by Chart.js, loaded the first time a chart shows.
 * The chart is a picture of the table next to it: its text alternative says so.
 */
@Component({
  selector: 'bo-report-chart',
  template: `
    <div class="chart" [style.height.rem]="heightRem()">
      <canvas #canvas role="img" [attr.aria-label]="description()"></canvas>
    </div>
    @if (failed()) {
      <p class="chart-failed">Le graphique n’a pas pu être affiché ; les chiffres sont dans le tableau.</p>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 48rem;
      margin: 0.5rem 0 1rem;
    }
    .chart {
      position: relative;
    }
    .chart-failed {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportChartComponent {
  readonly table = input.required<ReportTable>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private chart: Chart | null = null;
  protected readonly failed = signal(false);

  /** Rows drawn: the first ones, without the « Total » line. */
  private readonly rows = computed(() =>
    this.table()
      .rows.filter((row) => row[0] !== 'Total')
      .slice(0, MAX_BARS),
  );
  protected readonly heightRem = computed(
    () => 4 + Math.max(3, this.rows().length) * ROW_HEIGHT_REM * Math.max(1, this.series().length / 2),
  );
  private readonly series = computed(() => this.table().chart?.valueColumns ?? []);

  protected readonly description = computed(() => {
    const table = this.table();
    const more =
      table.rows.filter((row) => row[0] !== 'Total').length > MAX_BARS
        ? ` (les ${MAX_BARS} premières lignes)`
        : '';
    return `Graphique en barres : ${table.title}${more}. Les chiffres figurent dans le tableau qui suit.`;
  });

  constructor() {
    effect(() => {
      const table = this.table();
      const rows = this.rows();
      const canvas = this.canvas().nativeElement;
      void this.draw(canvas, table, rows);
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  private async draw(
    canvas: HTMLCanvasElement,
    table: ReportTable,
    rows: ReportTable['rows'],
  ): Promise<void> {
    try {
      const chartJs = await import('chart.js');
      const { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } = chartJs;
      Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
      const style = getComputedStyle(this.host.nativeElement);
      const palette = ['--mat-sys-primary', '--mat-sys-tertiary', '--mat-sys-secondary'].map(
        (name, index) => style.getPropertyValue(name).trim() || ['#005cbb', '#343dff', '#565e71'][index],
      );
      const text = style.getPropertyValue('--mat-sys-on-surface').trim() || '#1a1b1f';
      const shares = this.series().every((column) => table.columns[column]?.kind === 'share');
      this.chart?.destroy();
      this.chart = new Chart(canvas, {
        type: 'bar',
        data: {
          labels: rows.map((row) => String(row[0] ?? '')),
          datasets: this.series().map((column, index) => ({
            label: table.columns[column]?.header ?? '',
            data: rows.map((row) => chartValue(row[column] ?? null, table.columns[column]?.kind ?? 'count')),
            backgroundColor: palette[index % palette.length],
          })),
        },
        options: {
          indexAxis: 'y',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          locale: 'fr-FR',
          color: text,
          scales: {
            x: {
              beginAtZero: true,
              ...(shares ? { max: 100, title: { display: true, text: '%', color: text } } : {}),
              ticks: { color: text },
            },
            y: { ticks: { color: text } },
          },
          plugins: { legend: { display: this.series().length > 1, labels: { color: text } } },
        },
      });
    } catch {
      this.failed.set(true);
    }
  }
}
