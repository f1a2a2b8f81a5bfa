import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { RouterLink, RouterOutlet } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
  FRAGILITY_CRITERION_LABELS,
  REFERRAL_STATUS_LABELS,
  type ReferralView,
  type UpdateReferralRequest,
} from '@passerelle/shared/domain';
import { firstValueFrom } from 'rxjs';
import { formatDateTime } from '../../appointments/paris-time';
import { PagerComponent } from '../../ui/pager.component';
import { apiErrorMessage } from '../../ui/api-error';
import { ListStateComponent } from '../../ui/list-state.component';
import { type PageMessage, PageMessageComponent } from '../../ui/page-message.component';
import { ReferralsService } from '../referrals.service';
import { ReferralAnswers } from './referral-answers';

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
    RouterOutlet,
    MatButton,
    MatAnchor,
    PagerComponent,
    ListStateComponent,
    PageMessageComponent,
  ],
  templateUrl: './received-referrals.page.html',
  styleUrls: ['../../ui/list-styles.scss', './received-referrals.page.scss'],
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

  protected readonly busy = signal<string | null>(null);
  protected readonly message = signal<PageMessage | null>(null);

  constructor() {
    // The decline dialog has its own URL; its answer comes back here.
    const answers = inject(ReferralAnswers);
    effect(() => {
      const declined = answers.declined();
      if (!declined) return;
      untracked(() => {
        answers.declined.set(null);
        this.done(declined, 'DECLINED');
      });
    });
  }

  protected async answer(referral: ReferralView, request: UpdateReferralRequest): Promise<void> {
    if (this.busy()) return;
    this.busy.set(referral.id);
    this.message.set(null);
    try {
      await firstValueFrom(this.referrals.respond(referral.id, request));
      this.done(referral, request.status);
    } catch (error: unknown) {
      this.message.set({ text: apiErrorMessage(error, 'La réponse à l’orientation'), error: true });
    } finally {
      this.busy.set(null);
    }
  }

  private done(referral: ReferralView, status: UpdateReferralRequest['status']): void {
    const who = `${referral.applicant.firstNames} ${referral.applicant.lastName}`;
    this.message.set({ text: `${ANSWER_DONE[status]} pour ${who}.`, error: false });
    this.list.reload();
    this.inboxCount.reload();
  }
}
