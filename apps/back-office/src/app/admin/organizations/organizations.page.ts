import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import {
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { MatSlideToggle, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import {
  ORGANIZATION_TYPE_LABELS,
  ORGANIZATION_TYPES,
  type OrganizationType,
  type OrganizationView,
  type UpdateOrganizationRequest,
} from '@passerelle/shared/domain';
import { catchError, firstValueFrom, map, of } from 'rxjs';
import { notBlank } from '../../referrals/new-referral/new-referral.form';
import { apiErrorMessage } from '../../ui/api-error';
import { AdminService } from '../admin.service';
import { focusLater, InlineForm } from '../../ui/inline-form';
import { FormActionsComponent } from '../../ui/form-actions.component';
import { type PageMessage, PageMessageComponent } from '../../ui/page-message.component';
import { ListStateComponent } from '../../ui/list-state.component';

/**
 * The organisations of the network: add, rename, registration capability, ProConnect required,
 * deactivate.
 */
@Component({
  selector: 'bo-organizations-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAnchor,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatSlideToggle,
    ListStateComponent,
    PageMessageComponent,
    FormActionsComponent,
  ],
  templateUrl: './organizations.page.html',
  styleUrls: ['../../ui/list-styles.scss', '../admin.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganizationsPage {
  private readonly admin = inject(AdminService);
  private readonly formBuilder = inject(NonNullableFormBuilder);

  protected readonly types = ORGANIZATION_TYPES;
  protected readonly typeLabels = ORGANIZATION_TYPE_LABELS;
  protected readonly list = rxResource({ stream: () => this.admin.organizations() });
  protected readonly sorted = computed(() =>
    this.list.hasValue()
      ? [...this.list.value()].sort(
          (a, b) =>
            ORGANIZATION_TYPES.indexOf(a.type) - ORGANIZATION_TYPES.indexOf(b.type) ||
            a.name.localeCompare(b.name, 'fr'),
        )
      : [],
  );
  protected readonly communes = toSignal(
    this.admin.communes().pipe(
      map((communes) => [...communes].sort((a, b) => a.name.localeCompare(b.name, 'fr'))),
      catchError(() => of([])),
    ),
    { initialValue: [] },
  );

  protected readonly form = this.formBuilder.group({
    name: ['', [Validators.required, notBlank, Validators.maxLength(200)]],
    type: this.formBuilder.control<OrganizationType | ''>('', Validators.required),
    registersDemands: [false],
    inseeCode: [''],
  });
  private readonly type = toSignal(this.form.controls.type.valueChanges, { initialValue: '' as const });
  protected readonly isRelayPoint = computed(() => this.type() === 'RELAY_POINT');

  protected readonly renaming = signal<string | null>(null);
  protected readonly renameForm = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(200)],
    }),
  });
  private readonly newName = this.renameForm.controls.name;

  protected readonly addition = new InlineForm(this.form, {
    firstField: 'organization-name',
    opener: 'open-add-organization',
  });
  protected readonly busy = signal(false);
  protected readonly message = signal<PageMessage | null>(null);

  protected async add(): Promise<void> {
    const value = this.form.getRawValue();
    await this.addition.submit(
      async () => {
        if (!value.type) return;
        const created = await firstValueFrom(
          this.admin.createOrganization({
            name: value.name.trim(),
            type: value.type,
            registersDemands: value.registersDemands,
            ...(value.type === 'RELAY_POINT' && value.inseeCode ? { inseeCode: value.inseeCode } : {}),
          }),
        );
        this.message.set({ text: `${created.name} est ajoutée au réseau.`, error: false });
        this.list.reload();
      },
      (error) => apiErrorMessage(error, 'L’ajout de l’organisation'),
    );
  }

  protected openRename(organization: OrganizationView): void {
    this.newName.reset(organization.name);
    this.renaming.set(organization.id);
    focusLater(`rename-${organization.id}`);
  }

  protected cancelRename(organization: OrganizationView): void {
    this.renaming.set(null);
    focusLater(`open-rename-${organization.id}`);
  }

  protected async rename(organization: OrganizationView): Promise<void> {
    if (this.newName.invalid) {
      this.newName.markAsTouched();
      return;
    }
    const name = this.newName.value.trim();
    await this.update(organization, { name }, `${organization.name} s’appelle désormais ${name}.`);
  }

  protected async toggleRegistration(organization: OrganizationView): Promise<void> {
    const registersDemands = !organization.registersDemands;
    await this.update(
      organization,
      { registersDemands },
      registersDemands
        ? `${organization.name} peut désormais enregistrer les demandes.`
        : `${organization.name} ne peut plus enregistrer les demandes.`,
    );
  }

  /** « Connexion par ProConnect obligatoire »: its members' password sign-in is refused from then on. */
  protected async setRequiresProConnect(
    organization: OrganizationView,
    change: MatSlideToggleChange,
  ): Promise<void> {
    const required = change.checked;
    const done = await this.update(
      organization,
      { requiresProConnect: required },
      required
        ? `Les membres de ${organization.name} se connectent désormais avec ProConnect uniquement (plus de mot de passe).`
        : `Les membres de ${organization.name} peuvent de nouveau se connecter avec leur mot de passe.`,
    );
    // Refused or not sent: the switch shows what the server holds.
    if (!done) change.source.checked = organization.requiresProConnect;
  }

  /** Deactivation asks once more: the list shows active organisations only. */
  protected readonly confirming = signal<string | null>(null);

  protected askDeactivate(organization: OrganizationView): void {
    this.confirming.set(organization.id);
    focusLater(`confirm-deactivate-${organization.id}`);
  }

  protected async deactivate(organization: OrganizationView): Promise<void> {
    await this.update(
      organization,
      { active: false },
      `${organization.name} est désactivée : elle n’apparaît plus dans les listes.`,
    );
  }

  private async update(
    organization: OrganizationView,
    request: UpdateOrganizationRequest,
    done: string,
  ): Promise<boolean> {
    if (this.busy()) return false;
    this.busy.set(true);
    this.message.set(null);
    try {
      await firstValueFrom(this.admin.updateOrganization(organization.id, request));
      this.renaming.set(null);
      this.confirming.set(null);
      this.message.set({ text: done, error: false });
      this.list.reload();
      return true;
    } catch (error: unknown) {
      this.message.set({ text: apiErrorMessage(error, 'La modification de l’organisation'), error: true });
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
