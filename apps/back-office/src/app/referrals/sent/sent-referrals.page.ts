import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, REFERRAL_STATUS_LABELS } from '@passerelle/shared/domain';
import { formatDateTime } from '../../appointments/paris-time';
import { PagerComponent } from '../../ui/pager.component';
import { ReferralsService } from '../referrals.service';
import { ListStateComponent } from '../../ui/list-state.component';

/** « Mes orientations »: what the relay point sent, and what became of it. */
@Component({
  selector: 'bo-sent-referrals-page',
  imports: [RouterLink, MatAnchor, PagerComponent, ListStateComponent],
  templateUrl: './sent-referrals.page.html',
  styleUrl: '../../ui/list-styles.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SentReferralsPage {
  private readonly referrals = inject(ReferralsService);

  protected readonly statusLabels = REFERRAL_STATUS_LABELS;
  protected readonly formatDateTime = formatDateTime;
  protected readonly pageSize = DEFAULT_PAGE_SIZE;
  protected readonly page = signal(1);
  protected readonly list = rxResource({
    params: () => ({ page: this.page() }),
    stream: ({ params }) =>
      this.referrals.list({ direction: 'sent', page: params.page, pageSize: this.pageSize }),
  });
}
