import type { TimelineEventView, TimelineVisibility, View } from '@passerelle/shared/domain';
import type { TimelineRow } from './timeline.repository';

/** Which events a timeline view shows. */
export function visibilitiesFor(view: View | undefined): TimelineVisibility[] {
  if (view === 'referralEventsOnly') return ['REFERRAL'];
  return ['ALL', 'REFERRAL', 'SOCIAL'];
}

/**
 * Social content (notes of a social evaluation, a flag decision's note) reaches social workers
 * only; others see that the event happened, with its codes (`details.public`).
 */
export function toTimelineEventView(row: TimelineRow, view: View | undefined): TimelineEventView {
  const event: TimelineEventView = { id: row.id, occurredAt: row.occurred_at.toISOString(), type: row.type };
  if (row.actor_user_id || row.actor_organization_id) {
    event.actor = {
      ...(row.actor_user_id
        ? { userId: row.actor_user_id, displayName: row.actor_display_name ?? undefined }
        : {}),
      ...(row.actor_organization_id
        ? {
            organizationId: row.actor_organization_id,
            organizationName: row.actor_organization_name ?? undefined,
          }
        : {}),
    };
  }
  const hidesSocial = row.visibility === 'SOCIAL' && view !== 'withSocialContent';
  if (row.changes && !hidesSocial) event.changes = row.changes;
  if (row.details) {
    if (!hidesSocial) event.details = row.details;
    else if (row.details['public'] && typeof row.details['public'] === 'object') {
      event.details = row.details['public'] as Record<string, unknown>;
    }
  }
  return event;
}
