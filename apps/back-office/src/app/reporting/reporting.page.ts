import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { calendarDateInParis, MIN_CASES_PER_FIGURE, REPORTING_VIEW_LABELS } from '@passerelle/shared/domain';
import { navItem } from '../shell/navigation';
import { AuthService } from '../auth/auth.service';
import { freshnessText, indicatorSections, sectionsContext } from './indicator-sections';
import { PrintLayoutComponent } from './print-layout.component';
import { ReportChartComponent } from './report-chart.component';
import { ReportExport } from './report-export.service';
import type { ReportTable } from './report-table';
import { ReportTableComponent } from './report-table.component';
import {
  apiQueryOf,
  choiceLabel,
  paramsOf,
  type PeriodChoice,
  type PeriodKind,
  PERIOD_KIND_LABELS,
  periodFromParams,
  periodSlug,
  periodText,
  quarterStarted,
  rangeProblem,
  yearOptions,
} from './reporting-period';

const QUARTER_LABELS = [
  '1er trimestre (janvier à mars)',
  '2e trimestre (avril à juin)',
  '3e trimestre (juillet à septembre)',
  '4e trimestre (octobre à décembre)',
];

/** « Pilotage »: the steering indicators of a period, as charts and tables, with their downloads. */
@Component({
  selector: 'bo-reporting-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    ReportChartComponent,
    ReportTableComponent,
    PrintLayoutComponent,
  ],
  templateUrl: './reporting.page.html',
  styleUrl: './reporting.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportingPage {
  private readonly router = inject(Router);
  protected readonly exports = inject(ReportExport);

  /** The period, from the URL (`withComponentInputBinding`). */
  readonly annee = input<string>();
  readonly trimestre = input<string>();
  readonly du = input<string>();
  readonly au = input<string>();

  protected readonly today = calendarDateInParis(new Date());
  protected readonly years = yearOptions(this.today);
  protected readonly kinds = Object.entries(PERIOD_KIND_LABELS) as [PeriodKind, string][];
  protected readonly quarterLabels = QUARTER_LABELS;
  protected readonly minCases = MIN_CASES_PER_FIGURE;
  protected readonly viewLabels = REPORTING_VIEW_LABELS;
  /** The renewal reminders are a screen of the navigation: linked from here when the user has it. */
  protected readonly canRemind = (() => {
    const auth = inject(AuthService);
    const user = auth.user();
    return !!user && navItem('/pilotage/relances').visible(auth.actions(), user.role);
  })();

  protected readonly choice = computed<PeriodChoice>(() =>
    periodFromParams({ annee: this.annee(), trimestre: this.trimestre(), du: this.du(), au: this.au() }),
  );
  protected readonly choiceLabel = computed(() => choiceLabel(this.choice()));
  private readonly apiQuery = computed(() => apiQueryOf(this.choice()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
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
  protected readonly heading = computed(() => `Passerelle, pilotage ${this.periodText()}`);
  protected readonly fileStem = computed(() => {
    const context = this.context();
    return context ? `pilotage-${periodSlug(context.period)}` : 'pilotage';
  });
  protected readonly allTables = computed<ReportTable[]>(() =>
    this.sections.flatMap((section) => section.tables()),
  );
  protected readonly reportYear = computed(() => {
    const choice = this.choice();
    return choice.kind === 'year' || choice.kind === 'quarter' ? choice.year : Number(this.today.slice(0, 4));
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    kind: ['last12' as PeriodKind],
    year: [this.years[0] ?? 2026],
    quarter: [1],
    from: [''],
    to: [''],
  });
  protected readonly formKind = toSignal(this.form.controls.kind.valueChanges, {
    initialValue: 'last12' as PeriodKind,
  });
  protected readonly problem = signal<string | null>(null);

  constructor() {
    // The form shows the period of the URL (a deep link, the browser's back button).
    effect(() => {
      const choice = this.choice();
      this.form.setValue({
        kind: choice.kind,
        year: choice.kind === 'year' || choice.kind === 'quarter' ? choice.year : (this.years[0] ?? 2026),
        quarter: choice.kind === 'quarter' ? choice.quarter : 1,
        from: choice.kind === 'range' ? choice.from : '',
        to: choice.kind === 'range' ? choice.to : '',
      });
      this.problem.set(null);
    });
  }

  protected apply(): void {
    const { kind, year, quarter, from, to } = this.form.getRawValue();
    let choice: PeriodChoice;
    if (kind === 'year') choice = { kind, year };
    else if (kind === 'quarter') {
      if (!quarterStarted(year, quarter, this.today)) {
        this.problem.set('Ce trimestre n’a pas encore commencé.');
        return;
      }
      choice = { kind, year, quarter: quarter as 1 | 2 | 3 | 4 };
    } else if (kind === 'range') {
      const problem = rangeProblem(from, to, this.today);
      if (problem) {
        this.problem.set(problem);
        return;
      }
      choice = { kind, from, to };
    } else choice = { kind: 'last12' };
    this.problem.set(null);
    void this.router.navigate([], { queryParams: paramsOf(choice), queryParamsHandling: 'merge' });
  }
}
