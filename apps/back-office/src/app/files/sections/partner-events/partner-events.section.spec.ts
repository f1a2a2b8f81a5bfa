import { TestBed } from '@angular/core/testing';
import type { FileStatus, Role, TimelineEventView } from '@passerelle/shared/domain';
import {
  actionLabels,
  aFile,
  configureCasework,
  holdFile,
  refuse,
  settle,
  signIn,
  text,
} from '../../../../testing/casework';
import { aUser } from '../../../../testing/users';
import { PartnerEventsSection } from './partner-events.section';

const isTimeline = (request: { url: string }) => request.url === '/api/applicant-files/f1/timeline';

const EVENTS: TimelineEventView[] = [
  {
    id: 't2',
    occurredAt: '2026-03-11T23:30:00Z',
    type: 'OFFER_REFUSED',
    actor: { organizationName: "Office 64 de l'Habitat" } as TimelineEventView['actor'],
    details: { occurredOn: '2026-03-10', reason: 'Trop loin du travail.', details: '' },
  },
  { id: 't1', occurredAt: '2026-03-01T10:00:00Z', type: 'FILE_UPDATED' } as TimelineEventView,
];

async function openSection(role: Role, status: FileStatus = 'REGISTERED') {
  const http = configureCasework();
  await signIn(aUser(role));
  await holdFile(aFile({ status }));
  const fixture = TestBed.createComponent(PartnerEventsSection);
  await settle();
  const host = fixture.nativeElement as HTMLElement;
  host.querySelector<HTMLElement>('mat-expansion-panel-header')?.click();
  await settle();
  return { http, host };
}

describe('PartnerEventsSection', () => {
  it('lists the partner events of the history only, in French', async () => {
    const { host, http } = await openSection('INFO_POINT_AGENT');
    const request = http.expectOne(isTimeline);
    expect(request.request.params.toString()).toBe('page=1&pageSize=100');
    request.flush({ items: EVENTS, total: 2, page: 1, pageSize: 100 });
    await settle();
    expect([...host.querySelectorAll('ul.entries li')].map(text)).toEqual([
      "Refus de proposition le 10/03/2026 — Office 64 de l'Habitat Motif : Trop loin du travail. Enregistré le 12/03/2026 00:30",
    ]);
  });

  it.each<[Role, FileStatus, string[]]>([
    [
      'LANDLORD_OFFICER',
      'REGISTERED',
      [
        'Enregistrer une proposition de logement',
        'Enregistrer un refus de proposition',
        'Enregistrer une décision de commission',
        'Enregistrer le bail signé',
        'Ajouter une note de suivi',
      ],
    ],
    // A lease is for a registered demand only.
    [
      'LANDLORD_OFFICER',
      'CONTACT',
      [
        'Enregistrer une proposition de logement',
        'Enregistrer un refus de proposition',
        'Enregistrer une décision de commission',
        'Ajouter une note de suivi',
      ],
    ],
    ['SOCIAL_WORKER', 'REGISTERED', ['Ajouter une note de suivi']],
  ])('offers a %s on a %s file the events it may record', async (role, status, offered) => {
    const { host, http } = await openSection(role, status);
    http.expectOne(isTimeline).flush({ items: [], total: 0, page: 1, pageSize: 100 });
    await settle();
    expect(actionLabels(host)).toEqual(offered);
    expect(text(host.querySelector('.empty-state'))).toContain(
      'Aucune proposition, décision de commission ni bail enregistré pour ce dossier.',
    );
  });

  it('says a closed demand takes no more events', async () => {
    const { host, http } = await openSection('LANDLORD_OFFICER', 'CLOSED');
    http.expectOne(isTimeline).flush({ items: [], total: 0, page: 1, pageSize: 100 });
    await settle();
    expect(actionLabels(host)).toEqual([]);
    expect(text(host)).toContain('La demande est radiée : plus aucun événement ne peut y être enregistré.');
  });

  it('is not there for a relay clerk or a coordinator', async () => {
    for (const role of ['RELAY_CLERK', 'COORDINATOR'] as const) {
      TestBed.resetTestingModule();
      const { host, http } = await openSection(role);
      expect(host.querySelector('mat-expansion-panel')).toBeNull();
      http.expectNone(isTimeline);
    }
  });

  it('says in French when the follow-up cannot be loaded', async () => {
    const { host, http } = await openSection('INFO_POINT_AGENT');
    refuse(http.expectOne(isTimeline), 500);
    await settle();
    expect(text(host.querySelector('[role="alert"]'))).toContain(
      'Le suivi des propositions n’a pas pu être chargé.',
    );
  });
});
