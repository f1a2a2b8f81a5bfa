import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatOptgroup } from '@angular/material/core';
import { MatDialogRef } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  FRAGILITY_CRITERIA,
  FRAGILITY_CRITERION_LABELS,
  type FragilityCriterion,
} from '@passerelle/shared/domain';
import { catchError, firstValueFrom, of } from 'rxjs';
import { AuthService } from '../../../auth/auth.service';
import { notBlank } from '../../../referrals/new-referral/new-referral.form';
import { destinationGroups } from '../../../referrals/referral-destinations';
import { apiErrorMessage } from '../../../ui/api-error';
import { ReferralsService } from '../../../referrals/referrals.service';
import { fullName } from '../../file-format';
import { FileStore } from '../../file-store';
import { FORM_DIALOG_KIT } from '../../form-dialog-kit';

/** « Orienter » from the file: the person is known, only the destination and the need are asked. */
@Component({
  selector: 'bo-referral-create-dialog',
  imports: [FORM_DIALOG_KIT, MatOptgroup, MatProgressBar],
  templateUrl: './referral-create.dialog.html',
  styleUrl: '../../file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralCreateDialog {
  private readonly store = inject(FileStore);
  private readonly referrals = inject(ReferralsService);
  private readonly auth = inject(AuthService);
  private readonly ref = inject(MatDialogRef<ReferralCreateDialog>);

  protected readonly who = computed(() => {
    const applicant = this.store.file()?.applicant;
    return applicant ? fullName(applicant) : 'la personne';
  });
  private readonly organizations = toSignal(this.referrals.organizations().pipe(catchError(() => of(null))));
  protected readonly loadingReference = computed(() => this.organizations() === undefined);
  protected readonly referenceFailed = computed(() => this.organizations() === null);
  protected readonly destinations = computed(() =>
    destinationGroups(this.organizations() ?? [], this.auth.user()?.organization.id),
  );
  protected readonly criteria = FRAGILITY_CRITERIA;
  protected readonly criterionLabels = FRAGILITY_CRITERION_LABELS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    toOrganizationId: ['', Validators.required],
    reason: ['', [Validators.required, notBlank, Validators.maxLength(2000)]],
    suspectedCriteria: [[] as FragilityCriterion[]],
    appointmentWish: ['', Validators.maxLength(500)],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const file = this.store.file();
    if (this.form.invalid || !file) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const wish = value.appointmentWish.trim();
    this.pending.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(
        this.referrals.create({
          applicantFileId: file.id,
          toOrganizationId: value.toOrganizationId,
          reason: value.reason.trim(),
          ...(value.suspectedCriteria.length ? { suspectedCriteria: value.suspectedCriteria } : {}),
          ...(wish ? { appointmentWish: wish } : {}),
        }),
      );
      // The history and the section show the new referral.
      await this.store.reload();
      this.ref.close(true);
    } catch (error: unknown) {
      this.error.set(apiErrorMessage(error, 'L’envoi de l’orientation'));
    } finally {
      this.pending.set(false);
    }
  }
}
