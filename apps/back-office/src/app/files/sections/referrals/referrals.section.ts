import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FRAGILITY_CRITERION_LABELS, REFERRAL_STATUS_LABELS } from '@passerelle/shared/domain';
import { map } from 'rxjs';
import { formatDateTime } from '../../../appointments/paris-time';
import { AuthService, principalOf } from '../../../auth/auth.service';
import { ReferralsService } from '../../../referrals/referrals.service';
import { FileStore } from '../../file-store';
import { referralAbilities } from './referral-abilities';
import { SECTION_KIT } from '../shared/section-kit';

/** « Orientations »: where the applicant was sent, by whom, and what came of it. */
@Component({
  selector: 'bo-file-referrals',
  imports: [SECTION_KIT],
  templateUrl: './referrals.section.html',
  styleUrl: './section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralsSection {
  private readonly store = inject(FileStore);
  private readonly auth = inject(AuthService);
  private readonly referrals = inject(ReferralsService);

  protected readonly abilities = computed(() => {
    const user = this.auth.user();
    return referralAbilities(user ? principalOf(user) : null, this.store.file()?.status);
  });
  /** Loaded when the panel opens, again after each change of the file. */
  protected readonly opened = signal(false);
  protected readonly list = rxResource({
    params: () => {
      const id = this.store.file()?.id;
      return this.opened() && id ? { id, revision: this.store.revision() } : undefined;
    },
    stream: ({ params }) => this.referrals.forFile(params.id).pipe(map((page) => page.items)),
  });
  protected readonly statusLabels = REFERRAL_STATUS_LABELS;
  protected readonly criterionLabels = FRAGILITY_CRITERION_LABELS;
  protected readonly formatDateTime = formatDateTime;
}
