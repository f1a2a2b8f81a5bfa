import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { calendarDateInParis, MIN_CASES_PER_FIGURE, REPORTING_VIEW_LABELS } from '@passerelle/shared/domain';
import { freshnessText, indicatorSections, sectionsContext } from './indicator-sections';
import { PrintLayoutComponent } from './print-layout.component';
import { ReportTableComponent } from './report-table.component';
import { periodFromParams, periodText, yearOptions } from './reporting-period';

/** The yearly report for the partners' meeting (`/pilotage/rapport?annee=2026`), laid out for paper. */
@Component({
  selector: 'bo-yearly-report-page',
  imports: [
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatProgressBar,
    ReportTableComponent,
    PrintLayoutComponent,
  ],
  templateUrl: './yearly-report.page.html',
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem 1rem;
      margin-bottom: 1rem;
    }
    header p,
    .note {
      max-width: 48rem;
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin-top: 2rem;
    }
    .empty {
      font-style: italic;
    }
    @media print {
      :host {
        font-size: 10pt;
        color: #000;
      }
      h1 {
        font-size: 18pt;
      }
      h2 {
        margin-top: 0;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class YearlyReportPage {
  private readonly router = inject(Router);

  readonly annee = input<string>();

  protected readonly today = calendarDateInParis(new Date());
  protected readonly years = yearOptions(this.today);
  protected readonly minCases = MIN_CASES_PER_FIGURE;
  protected readonly viewLabels = REPORTING_VIEW_LABELS;

  /** The year asked for, or the current one. */
  protected readonly year = computed(() => {
    const choice = periodFromParams({ annee: this.annee() });
    const current = Number(this.today.slice(0, 4));
    return choice.kind === 'year' && choice.year <= current ? choice.year : current;
  });
  private readonly apiQuery = computed(() => ({ year: String(this.year()) }), {
    equal: (a, b) => a.year === b.year,
  });
  protected readonly sections = indicatorSections(this.apiQuery);
  protected readonly context = sectionsContext(this.sections);
  protected readonly loading = computed(() => this.sections.some((section) => section.loading()));
  protected readonly periodText = computed(() => {
    const context = this.context();
    return context ? periodText(context.period) : '';
  });
  protected readonly freshness = computed(() => {
    const context = this.context();
    return context ? freshnessText(context) : '';
  });

  protected chooseYear(year: number): void {
    void this.router.navigate([], { queryParams: { annee: year } });
  }

  protected print(): void {
    window.print();
  }
}
