import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { TimelineEventView, TimelinePage } from '@passerelle/shared/domain';
import { settle, text } from '../../testing/casework';
import { FileTimelineComponent, eventDocument } from './file-timeline.component';

const event = (overrides: Partial<TimelineEventView>): TimelineEventView => ({
  id: 'e1',
  occurredAt: '2026-03-11T09:30:00Z',
  type: 'DOCUMENT_ADDED',
  actor: { displayName: 'Claire Etcheverry', organizationName: 'Point-info logement social de Mourenx' },
  ...overrides,
});

describe('eventDocument', () => {
  it('names the document of a document event, « Pièce confidentielle » when the API keeps it back', () => {
    expect(eventDocument(event({ details: { documentId: 'd1', type: 'TAX_NOTICE' } }))).toBe(
      "Avis d'imposition",
    );
    expect(eventDocument(event({ details: { documentId: 'd1', confidential: true } }))).toBe(
      'Pièce confidentielle',
    );
    expect(
      eventDocument(event({ type: 'DOCUMENT_CHECKED', details: { documentId: 'd1', confidential: true } })),
    ).toBe('Pièce confidentielle');
  });

  it('says nothing for other events, or when the details say neither', () => {
    expect(eventDocument(event({ type: 'REFERRAL_SENT', details: { referralId: 'r1' } }))).toBeNull();
    expect(eventDocument(event({}))).toBeNull();
    expect(eventDocument(event({ details: { type: 'PASSPORT' } }))).toBeNull();
  });
});

describe('FileTimelineComponent', () => {
  it('shows « Pièce confidentielle » for a confidential document’s events, and events without details as they are', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(FileTimelineComponent);
    fixture.componentRef.setInput('fileId', 'f1');
    await settle();
    const page: TimelinePage = {
      items: [
        event({
          id: 'e3',
          type: 'DOCUMENT_CHECKED',
          details: { documentId: 'd2', status: 'UNUSABLE', confidential: true },
          changes: [{ field: 'status', before: 'PROVIDED', after: 'UNUSABLE' }],
        }),
        event({ id: 'e2', details: { documentId: 'd2', personId: null, confidential: true } }),
        event({ id: 'e1', details: { documentId: 'd1', type: 'TAX_NOTICE', personId: 'APPLICANT' } }),
        event({ id: 'e0', type: 'REFERRAL_SENT', details: { referralId: 'r1', toOrganizationId: 'o2' } }),
      ],
      total: 4,
      page: 1,
      pageSize: 10,
    };
    http.expectOne((request) => request.url === '/api/applicant-files/f1/timeline').flush(page);
    await settle();
    const host = fixture.nativeElement as HTMLElement;
    const items = [...host.querySelectorAll('ol.timeline > li')];
    expect(items.map((item) => text(item.querySelector('.what')))).toEqual([
      'Pièce confidentielle',
      'Pièce confidentielle',
      "Avis d'imposition",
      '',
    ]);
    expect(text(items[0]?.querySelector('.changes'))).toBe('status : PROVIDED → UNUSABLE');
    expect(text(items[3]?.querySelector('strong'))).toBe('Orientation envoyée');
    expect(text(host)).not.toContain('undefined');
  });
});
