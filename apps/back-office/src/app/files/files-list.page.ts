import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSort, MatSortHeader, type Sort } from '@angular/material/sort';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type ApplicantFileSummary,
  FILE_STATUS_LABELS,
  FILE_STATUSES,
  type FileSort,
  type FileStatus,
  type Typology,
  TYPOLOGIES,
  TYPOLOGY_LABELS,
} from '@passerelle/shared/domain';
import { catchError, debounceTime, distinctUntilChanged, map, of, skip, switchMap } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { IconComponent } from '../ui/icon.component';
import { calendarDateOf, communeNames, dateOf, frenchDate, fullName } from './file-format';
import { type FileListQuery, paramsFromQuery, queryFromParams, withFilters } from './file-list-query';
import { FilesApi } from './files-api.service';

const SORTABLE: Readonly<Record<string, FileSort>> = { name: 'name', renewalDueOn: 'renewalDueOn' };
const SEARCH_DEBOUNCE_MS = 250;

@Component({
  selector: 'bo-files-list-page',
  imports: [
    RouterLink,
    IconComponent,
    MatAnchor,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatSuffix,
    MatInput,
    MatSelect,
    MatOption,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatProgressBar,
    MatPaginator,
    MatSort,
    MatSortHeader,
    MatTable,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatCell,
    MatCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatRow,
    MatRowDef,
  ],
  templateUrl: './files-list.page.html',
  styleUrl: './files-list.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilesListPage {
  private readonly api = inject(FilesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthService);

  protected readonly statuses = FILE_STATUSES;
  protected readonly statusLabels = FILE_STATUS_LABELS;
  protected readonly typologies = TYPOLOGIES;
  protected readonly typologyLabels = TYPOLOGY_LABELS;
  protected readonly columns = ['name', 'birthDate', 'commune', 'status', 'renewalDueOn', 'priority'];
  protected readonly frenchDate = frenchDate;
  protected readonly fullName = fullName;

  private readonly params = toSignal(this.route.queryParams, { requireSync: true });
  protected readonly query = computed(() => queryFromParams(this.params()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  /** Each query cancels the request of the one before (switchMap): no stale list ever shows. */
  private readonly response = toSignal(
    toObservable(this.query).pipe(
      switchMap((query) =>
        this.api.list(query).pipe(
          map((page) => ({ query, page, failed: false })),
          catchError(() => of({ query, page: null, failed: true })),
        ),
      ),
    ),
  );
  protected readonly loading = computed(() => this.response()?.query !== this.query());
  protected readonly failed = computed(() => !this.loading() && this.response()?.failed === true);
  protected readonly page = computed(() => this.response()?.page ?? null);
  protected readonly rows = computed<ApplicantFileSummary[]>(() => this.page()?.items ?? []);

  protected readonly communes = toSignal(this.api.communes().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly communeNames = computed(() => communeNames(this.communes()));
  protected readonly canCreate = computed(() => this.auth.actions().has('files.create'));
  protected readonly renewalDueBefore = computed(() => dateOf(this.query().renewalDueBefore));

  /** What the user types; the list follows once typing pauses. */
  protected readonly searchText = signal(untracked(this.query).q ?? '');
  private readonly typedSearch = toSignal(
    // The first value is the URL's own: only typing may change the URL.
    toObservable(this.searchText).pipe(skip(1), debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged()),
  );

  constructor() {
    effect(() => {
      const typed = this.typedSearch();
      if (typed === undefined) return;
      const q = typed.trim();
      const query = untracked(this.query);
      // Typing replaces the history entry: « back » leaves the list rather than undoing letters.
      if (q !== (query.q ?? '')) this.go(withFilters(query, { q: q || undefined }), true);
    });
  }

  protected statusLabel(row: ApplicantFileSummary): string {
    return FILE_STATUS_LABELS[row.status];
  }

  protected communeName(row: ApplicantFileSummary): string {
    return row.inseeCode ? (this.communeNames().get(row.inseeCode) ?? row.inseeCode) : '';
  }

  protected onSearch(event: Event): void {
    this.searchText.set((event.target as HTMLInputElement).value);
  }

  protected filterStatus(status: FileStatus | undefined): void {
    this.go(withFilters(this.query(), { status }));
  }

  protected filterCommune(commune: string | undefined): void {
    this.go(withFilters(this.query(), { commune }));
  }

  protected filterTypology(typology: Typology | undefined): void {
    this.go(withFilters(this.query(), { typology }));
  }

  protected filterRenewalDueBefore(date: Date | null): void {
    this.go(withFilters(this.query(), { renewalDueBefore: calendarDateOf(date) }));
  }

  protected sortBy(sort: Sort): void {
    const field = SORTABLE[sort.active];
    const query = { ...this.query(), page: 1 };
    if (!field || !sort.direction) {
      delete query.sort;
      delete query.order;
    } else {
      query.sort = field;
      query.order = sort.direction;
    }
    this.go(query);
  }

  protected paginate(event: PageEvent): void {
    this.go({ ...this.query(), page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected open(row: ApplicantFileSummary): void {
    void this.router.navigate([row.id], { relativeTo: this.route });
  }

  protected clearFilters(): void {
    this.searchText.set('');
    this.go({ page: 1, pageSize: this.query().pageSize });
  }

  protected hasFilters(): boolean {
    const { q, status, commune, typology, renewalDueBefore } = this.query();
    return Boolean(q || status || commune || typology || renewalDueBefore);
  }

  private go(query: FileListQuery, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromQuery(query),
      replaceUrl,
    });
  }
}
