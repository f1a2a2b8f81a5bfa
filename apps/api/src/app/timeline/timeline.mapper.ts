import {
  type Principal,
  type TimelineEventView,
  type TimelineVisibility,
  type View,
  mayReadSensitiveDocument,
} from '@passerelle/shared/domain';
import type { TimelineEventFacts, TimelineRow } from './timeline.repository';
import { DOCUMENT_EVENTS, REFERRAL_EVENTS } from './timeline.queries';

/** Which events a timeline view shows. */
export function visibilitiesFor(view: View | undefined): TimelineVisibility[] {
  if (view === 'referralEventsOnly') return ['REFERRAL'];
  return ['ALL', 'REFERRAL', 'SOCIAL'];
}

/** Who reads the timeline: its grant's view, its rights and its organisation. */
export interface TimelineReader {
  view: View | undefined;
  principal: Principal;
  organizationId: string;
}

/** What a confidential document's events keep: which document, whom it concerns, where it stands. */
const CONFIDENTIAL_DOCUMENT_DETAILS = ['documentId', 'personId', 'status'];
/** Changes that tell what a document holds (its rejection reason). */
const DOCUMENT_CONTENT_CHANGES = ['statusReason'];
/** A referral's free text: its two organisations' only (ACCESS.md). */
const REFERRAL_TEXT = ['reason', 'appointmentWish'];

const pick = (details: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(details).filter(([key]) => keys.includes(key)));
const omit = (details: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(details).filter(([key]) => !keys.includes(key)));

/** An event, with the facts its field rules read; without them they fail closed. */
type EventRow = TimelineRow & Partial<TimelineEventFacts>;

/**
 * A sensitive document the reader may not download. A document that is gone (anonymised), or not
 * read, is taken for a sensitive one of another organisation: its events say no more than they must.
 */
function confidentialDocument(row: EventRow, reader: TimelineReader): boolean {
  if (row.document_sensitive === false) return false;
  return !mayReadSensitiveDocument(
    reader.principal,
    reader.organizationId,
    row.document_sensitive ? row.document_uploaded_by_organization_id : null,
  );
}

/**
 * The field rules of ACCESS.md on an event: social content (notes of a social evaluation, a flag
 * decision's note) reaches social workers only, others see that the event happened with its codes
 * (`details.public`); a confidential document's events say « Pièce confidentielle » (`confidential`)
 * without its type or rejection reason; a referral's text reaches its two organisations only, others
 * read its codes and dates.
 */
export function toTimelineEventView(row: EventRow, reader: TimelineReader): TimelineEventView {
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
  let changes = row.changes;
  let details = row.details;
  if (row.visibility === 'SOCIAL' && reader.view !== 'withSocialContent') {
    changes = null;
    const shared = details?.['public'];
    details = shared && typeof shared === 'object' ? (shared as Record<string, unknown>) : null;
  }
  if (DOCUMENT_EVENTS.includes(row.type) && confidentialDocument(row, reader)) {
    changes = changes?.filter((change) => !DOCUMENT_CONTENT_CHANGES.includes(change.field)) ?? null;
    details = { ...pick(details ?? {}, CONFIDENTIAL_DOCUMENT_DETAILS), confidential: true };
  }
  if (
    REFERRAL_EVENTS.includes(row.type) &&
    details &&
    reader.organizationId !== row.referral_from_organization_id &&
    reader.organizationId !== row.referral_to_organization_id
  ) {
    details = omit(details, REFERRAL_TEXT);
  }
  if (changes) event.changes = changes;
  if (details) event.details = details;
  return event;
}
