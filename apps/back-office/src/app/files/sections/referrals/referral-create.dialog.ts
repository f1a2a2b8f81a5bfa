import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { referralDestinations } from '../../../referrals/referral-destinations';
import { ReferralFieldsComponent } from '../../../referrals/referral-fields.component';
import { referralContent, referralForm } from '../../../referrals/referral-form';
import { apiErrorMessage } from '../../../ui/api-error';
import { ReferralsService } from '../../../referrals/referrals.service';
import { fullName } from '../../file-format';
import { FileStore } from '../../file-store';
import { FORM_DIALOG_KIT } from '../../form-dialog-kit';

/** « Orienter » from the file: the person is known, only the destination and the need are asked. */
@Component({
  selector: 'bo-referral-create-dialog',
  imports: [FORM_DIALOG_KIT, ReferralFieldsComponent, MatProgressBar],
  templateUrl: './referral-create.dialog.html',
  styleUrl: '../../file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralCreateDialog {
  private readonly store = inject(FileStore);
  private readonly referrals = inject(ReferralsService);
  private readonly ref = inject(MatDialogRef<ReferralCreateDialog>);

  protected readonly who = computed(() => {
    const applicant = this.store.file()?.applicant;
    return applicant ? fullName(applicant) : 'la personne';
  });
  protected readonly destinations = referralDestinations();
  protected readonly form = referralForm(inject(NonNullableFormBuilder));
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const file = this.store.file();
    if (this.form.invalid || !file) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(
        this.referrals.create({ applicantFileId: file.id, ...referralContent(this.form.getRawValue()) }),
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
