import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { PARTNER_EVENT_TYPE_LABELS } from '@passerelle/shared/domain';
import { formatDateTime } from '../../../appointments/paris-time';
import { AuthService, principalOf } from '../../../auth/auth.service';
import { frenchDate } from '../../file-format';
import { FileStore } from '../../file-store';
import { PARTNER_EVENT_PATHS, recordablePartnerEvents, seesPartnerEvents } from './partner-event-abilities';
import { PARTNER_EVENT_FORMS } from './partner-event-form';
import { PartnerEventsService } from './partner-events.service';
import { SECTION_KIT } from '../shared/section-kit';

/** « Propositions et attributions »: offers, commission decisions, the signed lease, notes. */
@Component({
  selector: 'bo-file-partner-events',
  imports: [SECTION_KIT],
  templateUrl: './partner-events.section.html',
  styleUrl: '../referrals/section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerEventsSection {
  protected readonly store = inject(FileStore);
  private readonly auth = inject(AuthService);
  private readonly events = inject(PartnerEventsService);

  private readonly principal = computed(() => {
    const user = this.auth.user();
    return user ? principalOf(user) : null;
  });
  protected readonly visible = computed(() => seesPartnerEvents(this.principal()) && !!this.store.file());
  protected readonly actions = computed(() =>
    recordablePartnerEvents(this.principal(), this.store.file()?.status).map((type) => ({
      type,
      path: `suivi/${PARTNER_EVENT_PATHS[type]}`,
      label: PARTNER_EVENT_FORMS[type].title,
      main: type === 'LEASE_SIGNED',
    })),
  );
  /** Loaded when the panel opens, again after each change of the file. */
  protected readonly opened = signal(false);
  protected readonly list = rxResource({
    params: () => {
      const id = this.store.file()?.id;
      return this.opened() && id ? { id, revision: this.store.revision() } : undefined;
    },
    stream: ({ params }) => this.events.list(params.id),
  });
  protected readonly labels = PARTNER_EVENT_TYPE_LABELS;
  protected readonly frenchDate = frenchDate;
  protected readonly formatDateTime = formatDateTime;
}
