import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { ReferralView } from '@passerelle/shared/domain';
import { firstValueFrom } from 'rxjs';
import { formatDateTime } from '../../appointments/paris-time';
import { FORM_DIALOG_KIT } from '../../files/form-dialog-kit';
import { notBlank } from '../new-referral/new-referral.form';
import { apiErrorMessage } from '../../ui/api-error';
import { ReferralsService } from '../referrals.service';

/** The referral to decline, by its id (the URL's). */
export interface DeclineReferralData {
  readonly id: string;
}

/** « Refuser l’orientation »: the reason is required, and the sender will read it. */
@Component({
  selector: 'bo-decline-referral-dialog',
  imports: [FORM_DIALOG_KIT, MatProgressBar],
  templateUrl: './decline-referral.dialog.html',
  styleUrl: './decline-referral.dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeclineReferralDialog {
  private readonly referrals = inject(ReferralsService);
  private readonly ref = inject(MatDialogRef<DeclineReferralDialog, ReferralView>);
  private readonly data = inject<DeclineReferralData>(MAT_DIALOG_DATA);

  protected readonly referral = rxResource({ stream: () => this.referrals.get(this.data.id) });
  protected readonly form = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(2000)],
    }),
  });
  protected readonly reason = this.form.controls.reason;
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly formatDateTime = formatDateTime;

  protected async submit(): Promise<void> {
    // Only a referral shown, and still waiting for its answer, is declined from here.
    if (this.pending() || !this.referral.hasValue() || this.referral.value().status !== 'SENT') return;
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      const answered = await firstValueFrom(
        this.referrals.respond(this.data.id, { status: 'DECLINED', reason: this.reason.value.trim() }),
      );
      this.ref.close(answered);
    } catch (error: unknown) {
      this.error.set(apiErrorMessage(error, 'Le refus de l’orientation'));
    } finally {
      this.pending.set(false);
    }
  }
}
