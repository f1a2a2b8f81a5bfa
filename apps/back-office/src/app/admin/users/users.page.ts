import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  ACTIVATION_CODE_HOURS,
  DEFAULT_PAGE_SIZE,
  normaliseEmail,
  type ProConnectRequestView,
  type Role,
  ROLE_LABELS,
  ROLES,
  type UserView,
  type UserWithActivationCode,
} from '@passerelle/shared/domain';
import { catchError, firstValueFrom, of } from 'rxjs';
import { AuthService } from '../../auth/auth.service';
import { formatDateTime } from '../../appointments/paris-time';
import { notBlank } from '../../referrals/new-referral/new-referral.form';
import { PagerComponent } from '../../ui/pager.component';
import { apiErrorMessage } from '../../ui/api-error';
import { AdminService } from '../admin.service';
import { focusLater, InlineForm } from '../../ui/inline-form';
import { FormActionsComponent } from '../../ui/form-actions.component';
import { type PageMessage, PageMessageComponent } from '../../ui/page-message.component';
import { ListStateComponent } from '../../ui/list-state.component';
import { organizationsForRole, usernameValidator } from '../user-form';

/** The coordinator's accounts: named users, created with a one-time activation code. */
@Component({
  selector: 'bo-users-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAnchor,
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
    PageMessageComponent,
    FormActionsComponent,
  ],
  templateUrl: './users.page.html',
  styleUrls: ['../../ui/list-styles.scss', '../admin.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly admin = inject(AdminService);
  private readonly formBuilder = inject(NonNullableFormBuilder);
  protected readonly me = inject(AuthService).user;

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly formatDateTime = formatDateTime;
  protected readonly pageSize = DEFAULT_PAGE_SIZE;
  protected readonly page = signal(1);
  protected readonly list = rxResource({
    params: () => ({ page: this.page() }),
    stream: ({ params }) => this.admin.users(params.page, this.pageSize),
  });
  /** Agents whom ProConnect let in but who have no account: one click opens an account for one. */
  protected readonly requests = rxResource({
    stream: () => this.admin.proconnectRequests().pipe(catchError(() => of([]))),
  });
  /** The request the creation form opens an account for, if any. */
  protected readonly fromRequest = signal<ProConnectRequestView | null>(null);
  private readonly organizations = toSignal(this.admin.organizations().pipe(catchError(() => of([]))), {
    initialValue: [],
  });

  protected readonly form = this.formBuilder.group({
    displayName: ['', [Validators.required, notBlank, Validators.maxLength(120)]],
    username: ['', [Validators.required, usernameValidator]],
    email: ['', [Validators.email, Validators.maxLength(254)]],
    role: this.formBuilder.control<Role | ''>('', Validators.required),
    organizationId: ['', Validators.required],
  });
  private readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: '' as const });
  protected readonly organizationChoices = computed(() =>
    organizationsForRole(this.organizations(), this.role()),
  );

  protected readonly creation = new InlineForm(this.form, {
    firstField: 'user-display-name',
    opener: 'open-create-user',
  });
  protected readonly busy = signal(false);
  protected readonly message = signal<PageMessage | null>(null);
  /** The code just issued: shown once, never stored. */
  protected readonly issued = signal<UserWithActivationCode | null>(null);

  /** The creation form, filled with what ProConnect said of the agent: the coordinator picks role and organisation. */
  protected openFrom(request: ProConnectRequestView): void {
    const name = [request.givenName, request.usualName].filter(Boolean).join(' ');
    const username = [request.givenName, request.usualName]
      .filter(Boolean)
      .join('.')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, '');
    this.fromRequest.set(request);
    // After open(), which empties the form.
    this.creation.open();
    this.form.reset({ displayName: name, username, email: request.email, role: '', organizationId: '' });
  }

  protected closeCreation(): void {
    this.fromRequest.set(null);
    this.creation.close();
  }

  protected onRoleChange(): void {
    this.form.controls.organizationId.reset('');
  }

  protected async create(): Promise<void> {
    const value = this.form.getRawValue();
    await this.creation.submit(
      async () => {
        if (!value.role) return;
        const email = value.email.trim() ? normaliseEmail(value.email) : undefined;
        const request = this.fromRequest();
        if (request) {
          const opened = await firstValueFrom(
            this.admin.openAccount(request.id, {
              displayName: value.displayName.trim(),
              username: value.username.trim(),
              email: email ?? request.email,
              role: value.role,
              organizationId: value.organizationId,
            }),
          );
          this.fromRequest.set(null);
          this.creation.close();
          this.message.set({
            text: `Le compte de ${opened.user.displayName} est ouvert : cette personne se connecte avec ProConnect.`,
            error: false,
          });
          this.requests.reload();
        } else {
          const created = await firstValueFrom(
            this.admin.createUser({
              displayName: value.displayName.trim(),
              username: value.username.trim(),
              ...(email ? { email } : {}),
              role: value.role,
              organizationId: value.organizationId,
            }),
          );
          this.showCode(created);
        }
        this.list.reload();
      },
      (error) =>
        error instanceof HttpErrorResponse && error.status === 409
          ? 'Cet identifiant ou cette adresse électronique est déjà pris : choisissez-en un autre.'
          : apiErrorMessage(error, 'La création du compte'),
    );
  }

  protected async setActive(user: UserView, active: boolean): Promise<void> {
    await this.update(
      user,
      { active },
      active
        ? `Le compte de ${user.displayName} est réactivé.`
        : `Le compte de ${user.displayName} est désactivé : il ne peut plus se connecter.`,
    );
  }

  /** A lost phone: the user signs in with the password alone, or enrols again if the role requires it. */
  protected async resetSecondFactor(user: UserView): Promise<void> {
    await this.update(
      user,
      { resetSecondFactor: true },
      `La double authentification de ${user.displayName} est réinitialisée : ses sessions sont fermées, elle ou il l’activera de nouveau à sa prochaine connexion.`,
    );
  }

  protected async newCode(user: UserView): Promise<void> {
    await this.update(user, { newActivationCode: true }, null);
  }

  protected validity(issued: UserWithActivationCode): string {
    const until = issued.activationExpiresAt
      ? `, jusqu’au ${formatDateTime(issued.activationExpiresAt)}`
      : '';
    return `Il est valable ${ACTIVATION_CODE_HOURS} heures${until}.`;
  }

  protected dismissCode(): void {
    this.issued.set(null);
    focusLater('open-create-user');
  }

  private async update(
    user: UserView,
    request: { active?: boolean; newActivationCode?: boolean; resetSecondFactor?: boolean },
    done: string | null,
  ): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.message.set(null);
    try {
      const result = await firstValueFrom(this.admin.updateUser(user.id, request));
      if (result.activationCode) this.showCode(result);
      if (done) this.message.set({ text: done, error: false });
      this.list.reload();
    } catch (error: unknown) {
      this.message.set({ text: apiErrorMessage(error, 'La modification du compte'), error: true });
    } finally {
      this.busy.set(false);
    }
  }

  private showCode(result: UserWithActivationCode): void {
    this.issued.set(result);
    focusLater('activation-code');
  }
}
