import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
  FRAGILITY_CRITERION_LABELS,
  REFERRAL_STATUS_LABELS,
  type ReferralView,
  type UpdateReferralRequest,
} from '@passerelle/shared/domain';
import { firstValueFrom } from 'rxjs';
import { formatDateTime } from '../../appointments/paris-time';
import { notBlank } from '../new-referral/new-referral.form';
import { PagerComponent } from '../pager.component';
import { apiErrorMessage } from '../referral-errors';
import { ReferralsService } from '../referrals.service';

const ANSWER_DONE: Record<UpdateReferralRequest['status'], string> = {
  ACCEPTED: 'Orientation acceptée',
  DECLINED: 'Orientation refusée',
  DONE: 'Orientation marquée comme traitée',
};

/** « Orientations reçues »: the referrals addressed to the user's organisation, and their answers. */
@Component({
  selector: 'bo-received-referrals-page',
  imports: [
    RouterLink,
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatProgressBar,
    PagerComponent,
  ],
  templateUrl: './received-referrals.page.html',
  styleUrls: ['../list-styles.scss', './received-referrals.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReceivedReferralsPage {
  private readonly referrals = inject(ReferralsService);

  protected readonly statusLabels = REFERRAL_STATUS_LABELS;
  protected readonly criterionLabels = FRAGILITY_CRITERION_LABELS;
  protected readonly formatDateTime = formatDateTime;
  protected readonly pageSize = DEFAULT_PAGE_SIZE;
  protected readonly page = signal(1);
  protected readonly list = rxResource({
    params: () => ({ page: this.page() }),
    stream: ({ params }) =>
      this.referrals.list({ direction: 'received', page: params.page, pageSize: this.pageSize }),
  });
  protected readonly inboxCount = rxResource({ stream: () => this.referrals.inboxCount() });

  /** The referral whose decline form is open. */
  protected readonly declining = signal<string | null>(null);
  protected readonly declineForm = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(2000)],
    }),
  });
  private readonly declineReason = this.declineForm.controls.reason;
  protected readonly busy = signal<string | null>(null);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);

  protected openDecline(referral: ReferralView): void {
    this.declineReason.reset('');
    this.declining.set(referral.id);
    setTimeout(() => document.getElementById(`decline-reason-${referral.id}`)?.focus());
  }

  protected cancelDecline(referral: ReferralView): void {
    this.declining.set(null);
    setTimeout(() => document.getElementById(`decline-${referral.id}`)?.focus());
  }

  protected async decline(referral: ReferralView): Promise<void> {
    if (this.declineReason.invalid) {
      this.declineReason.markAsTouched();
      return;
    }
    await this.answer(referral, { status: 'DECLINED', reason: this.declineReason.value.trim() });
  }

  protected async answer(referral: ReferralView, request: UpdateReferralRequest): Promise<void> {
    if (this.busy()) return;
    this.busy.set(referral.id);
    this.message.set(null);
    try {
      await firstValueFrom(this.referrals.respond(referral.id, request));
      this.declining.set(null);
      const who = `${referral.applicant.firstNames} ${referral.applicant.lastName}`;
      this.message.set({ text: `${ANSWER_DONE[request.status]} pour ${who}.`, error: false });
      this.list.reload();
      this.inboxCount.reload();
    } catch (error: unknown) {
      this.message.set({ text: apiErrorMessage(error, 'La réponse à l’orientation'), error: true });
    } finally {
      this.busy.set(null);
    }
  }
}
