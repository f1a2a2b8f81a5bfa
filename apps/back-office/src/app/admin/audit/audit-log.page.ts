import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  type AuditAction,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
} from '@passerelle/shared/domain';
import { catchError, map, of } from 'rxjs';
import { formatDateTime } from '../../appointments/paris-time';
import { PagerComponent } from '../../ui/pager.component';
import { AdminService, type AuditFilters } from '../admin.service';
import { ListStateComponent } from '../../ui/list-state.component';
import { auditQuery, fileIdValidator, periodValidator } from './audit-filters';

/** « Journal des accès »: who read or changed what, and when (Paris time). */
@Component({
  selector: 'bo-audit-log-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    PagerComponent,
    ListStateComponent,
  ],
  templateUrl: './audit-log.page.html',
  styleUrls: ['../../ui/list-styles.scss', '../admin.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPage {
  private readonly admin = inject(AdminService);

  protected readonly actions = AUDIT_ACTIONS;
  protected readonly actionLabels = AUDIT_ACTION_LABELS;
  protected readonly formatDateTime = formatDateTime;
  protected readonly pageSize = DEFAULT_PAGE_SIZE;

  /** The first hundred accounts, for the « Utilisateur » filter. */
  protected readonly users = toSignal(
    this.admin.users(1, MAX_PAGE_SIZE).pipe(
      map((page) => [...page.items].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'))),
      catchError(() => of([])),
    ),
    { initialValue: [] },
  );
  private readonly userNames = computed(
    () => new Map(this.users().map((user) => [user.id, user.displayName])),
  );

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      userId: [''],
      applicantFileId: ['', fileIdValidator],
      action: ['' as AuditAction | ''],
      from: [''],
      to: [''],
    },
    { validators: periodValidator },
  );

  protected readonly filters = signal<AuditFilters>({});
  protected readonly page = signal(1);
  protected readonly list = rxResource({
    params: () => ({ filters: this.filters(), page: this.page() }),
    stream: ({ params }) => this.admin.auditEntries(params.filters, params.page, this.pageSize),
  });

  protected search(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.page.set(1);
    this.filters.set(auditQuery(this.form.getRawValue()));
  }

  protected clear(): void {
    this.form.reset();
    this.page.set(1);
    this.filters.set({});
  }

  protected displayName(userId: string | null): string | undefined {
    return userId ? this.userNames().get(userId) : undefined;
  }
}
