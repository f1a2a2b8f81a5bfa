import { HttpErrorResponse } from '@angular/common/http';
import type { TimelineEventView } from '@passerelle/shared/domain';
import { partnerEventFailure } from './partner-event-errors';
import { partnerEventsOf } from './partner-events.service';

describe('partnerEventsOf', () => {
  it('keeps the partner events of the history, with their day and texts', () => {
    const events: TimelineEventView[] = [
      {
        id: 'lease',
        occurredAt: '2026-03-02T10:00:00Z',
        type: 'LEASE_SIGNED',
        actor: { organizationName: 'Office 64' },
        details: { occurredOn: '2026-03-01', details: 'T2 à Mourenx' },
      },
      { id: 'closed', occurredAt: '2026-03-02T10:00:00Z', type: 'CLOSED' },
      {
        id: 'refusal',
        occurredAt: '2026-02-01T10:00:00Z',
        type: 'OFFER_REFUSED',
        details: { occurredOn: '2026-01-30', reason: 'Trop loin', details: ' ' },
      },
    ];
    expect(partnerEventsOf(events)).toEqual([
      {
        id: 'lease',
        type: 'LEASE_SIGNED',
        occurredOn: '2026-03-01',
        recordedAt: '2026-03-02T10:00:00Z',
        details: 'T2 à Mourenx',
        reason: null,
        organizationName: 'Office 64',
      },
      {
        id: 'refusal',
        type: 'OFFER_REFUSED',
        occurredOn: '2026-01-30',
        recordedAt: '2026-02-01T10:00:00Z',
        details: null,
        reason: 'Trop loin',
        organizationName: null,
      },
    ]);
  });
});

describe('partnerEventFailure', () => {
  const failure = (status: number, body: object) =>
    partnerEventFailure(new HttpErrorResponse({ status, error: body }));

  it('never lets the API’s English through', () => {
    expect(failure(409, { statusCode: 409, error: 'Conflict', message: 'The demand is closed' })).toEqual({
      kind: 'refused',
      message:
        'La demande est radiée, ou pas encore enregistrée pour un bail : l’événement n’a pas été enregistré.',
      fields: [],
    });
    const invalid = failure(400, {
      message: 'Invalid input',
      details: [{ field: 'occurredOn', message: 'occurredOn cannot be in the future' }],
    });
    expect(invalid.kind).toBe('invalid');
    expect(invalid.kind !== 'stale' && invalid.fields[0].message).toMatch(/^Date : /);
  });

  it('leaves a stale version as it is', () => {
    expect(failure(412, { message: 'Precondition failed' }).kind).toBe('stale');
  });
});
