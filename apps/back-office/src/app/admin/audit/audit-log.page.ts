import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOptgroup, MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEntryView,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
} from '@passerelle/shared/domain';
import { catchError, map, of } from 'rxjs';
import { formatDateTime } from '../../appointments/paris-time';
import { PagerComponent } from '../../ui/pager.component';
import { AdminService, type AuditFilters } from '../admin.service';
import { ListStateComponent } from '../../ui/list-state.component';
import { auditQuery, fileIdValidator, periodValidator, targetFromAddress } from './audit-filters';
import { describeChange, describeTarget } from './audit-changes';

/**
 * « Journal des accès »: who read or changed what, and when (Paris time), in which request and
 * from which address. `?cible=<id>` opens it on one account or organisation (« Journal de ce
 * compte » on the users' page).
 */
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
    MatOptgroup,
    PagerComponent,
    ListStateComponent,
  ],
  templateUrl: './audit-log.page.html',
  styleUrls: ['../../ui/list-styles.scss', '../admin.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPage {
  private readonly admin = inject(AdminService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly actions = AUDIT_ACTIONS;
  protected readonly actionLabels = AUDIT_ACTION_LABELS;
  protected readonly formatDateTime = formatDateTime;
  protected readonly describeTarget = describeTarget;
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
  /** The active organisations, for the « Compte ou organisation » filter. */
  protected readonly organizations = toSignal(
    this.admin.organizations().pipe(
      map((list) => [...list].sort((a, b) => a.name.localeCompare(b.name, 'fr'))),
      catchError(() => of([])),
    ),
    { initialValue: [] },
  );

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      userId: [''],
      targetId: [targetFromAddress(this.route.snapshot.queryParamMap.get('cible'))],
      applicantFileId: ['', fileIdValidator],
      action: ['' as AuditAction | ''],
      from: [''],
      to: [''],
    },
    { validators: periodValidator },
  );

  protected readonly filters = signal<AuditFilters>(auditQuery(this.form.getRawValue()));
  /** A target given by the address that neither list holds (past the first hundred accounts). */
  protected readonly otherTarget = computed(() => {
    const id = this.filters().targetId;
    const known =
      this.users().some((user) => user.id === id) || this.organizations().some((o) => o.id === id);
    return id && !known ? id : null;
  });
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
    this.keepTargetInAddress();
  }

  protected clear(): void {
    this.form.reset({ targetId: '' });
    this.page.set(1);
    this.filters.set({});
    this.keepTargetInAddress();
  }

  /** The address says which account or organisation the log is filtered on, to share or reload it. */
  private keepTargetInAddress(): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { cible: this.filters().targetId ?? null },
      replaceUrl: true,
    });
  }

  /** An administration entry's changes in French; null for the other entries. */
  protected changesOf(entry: AuditEntryView): string[] | null {
    const { target, changedFields } = entry;
    return target && changedFields
      ? changedFields.map((change) => describeChange(target.type, change))
      : null;
  }

  protected displayName(userId: string | null): string | undefined {
    return userId ? this.userNames().get(userId) : undefined;
  }
}
