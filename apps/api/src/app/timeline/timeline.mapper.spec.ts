import type { Principal } from '@passerelle/shared/domain';
import type { TimelinePageRow } from './timeline.repository';
import { type TimelineReader, toTimelineEventView } from './timeline.mapper';

const MINE = 'org-mine';
const OTHER = 'org-other';

const reader = (role: Principal['role'], view: TimelineReader['view']): TimelineReader => ({
  view,
  principal: { role, capabilities: [] },
  organizationId: MINE,
});
const agent = reader('INFO_POINT_AGENT', 'withoutSocialContent');
const socialWorker = reader('SOCIAL_WORKER', 'withSocialContent');

function row(overrides: Partial<TimelinePageRow>): TimelinePageRow {
  return {
    id: 'e1',
    occurred_at: new Date('2026-06-15T10:00:00Z'),
    type: 'DOCUMENT_ADDED',
    visibility: 'ALL',
    changes: null,
    details: { documentId: 'd1', type: 'MEDICAL_CERTIFICATE', personId: 'APPLICANT', sensitive: true },
    actor_user_id: null,
    actor_display_name: null,
    actor_organization_id: null,
    actor_organization_name: null,
    document_sensitive: true,
    document_uploaded_by_organization_id: OTHER,
    referral_from_organization_id: null,
    referral_to_organization_id: null,
    ...overrides,
  };
}

describe('toTimelineEventView', () => {
  it('shows a sensitive document’s event to an info point as « Pièce confidentielle » unless its organisation uploaded it', () => {
    expect(toTimelineEventView(row({}), agent).details).toEqual({
      documentId: 'd1',
      personId: 'APPLICANT',
      confidential: true,
    });
    const own = row({ document_uploaded_by_organization_id: MINE });
    expect(toTimelineEventView(own, agent).details).toMatchObject({ type: 'MEDICAL_CERTIFICATE' });
    expect(toTimelineEventView(row({ document_sensitive: false }), agent).details).toMatchObject({
      type: 'MEDICAL_CERTIFICATE',
    });
  });

  it('takes a document that is gone for a confidential one, but for who reads them all', () => {
    const gone = row({ document_sensitive: null, document_uploaded_by_organization_id: null });
    expect(toTimelineEventView(gone, agent).details).toEqual({
      documentId: 'd1',
      personId: 'APPLICANT',
      confidential: true,
    });
    // Without the facts (an event not read by a page), the rule fails closed too.
    const { document_sensitive: _s, document_uploaded_by_organization_id: _u, ...bare } = gone;
    expect(toTimelineEventView(bare, agent).details).toMatchObject({ confidential: true });
    expect(toTimelineEventView(gone, socialWorker).details).toMatchObject({ type: 'MEDICAL_CERTIFICATE' });
  });

  it('keeps a check’s status change and drops its reason for a confidential document', () => {
    const checked = row({
      type: 'DOCUMENT_CHECKED',
      details: { documentId: 'd1', type: 'MEDICAL_CERTIFICATE', status: 'UNUSABLE', reason: 'Illisible' },
      changes: [
        { field: 'status', before: 'PROVIDED', after: 'UNUSABLE' },
        { field: 'statusReason', before: null, after: 'Illisible' },
      ],
    });
    expect(toTimelineEventView(checked, agent)).toMatchObject({
      details: { documentId: 'd1', status: 'UNUSABLE', confidential: true },
      changes: [{ field: 'status', before: 'PROVIDED', after: 'UNUSABLE' }],
    });
  });

  it('gives a referral’s text to its two organisations only, and fails closed without them', () => {
    const sent = row({
      type: 'REFERRAL_SENT',
      visibility: 'REFERRAL',
      details: { referralId: 'r1', toOrganizationId: OTHER, reason: 'Texte libre', appointmentWish: 'Mardi' },
      referral_from_organization_id: MINE,
      referral_to_organization_id: OTHER,
    });
    expect(toTimelineEventView(sent, agent).details).toMatchObject({ reason: 'Texte libre' });
    const thirdParty = { ...agent, organizationId: 'org-third' };
    expect(toTimelineEventView(sent, thirdParty).details).toEqual({
      referralId: 'r1',
      toOrganizationId: OTHER,
    });
    const unknown = { ...sent, referral_from_organization_id: null, referral_to_organization_id: null };
    expect(toTimelineEventView(unknown, agent).details).toEqual({
      referralId: 'r1',
      toOrganizationId: OTHER,
    });
  });
});
