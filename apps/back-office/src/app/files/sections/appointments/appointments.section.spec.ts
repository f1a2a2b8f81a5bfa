import { TestBed } from '@angular/core/testing';
import type { AppointmentView, FileStatus, ReceptionRequestView, Role } from '@passerelle/shared/domain';
import {
  actionLabels,
  aFile,
  click,
  configureCasework,
  holdFile,
  refuse,
  settle,
  signIn,
  text,
} from '../../../../testing/casework';
import { aUser } from '../../../../testing/users';
import { AppointmentsSection } from './appointments.section';

const APPOINTMENT: AppointmentView = {
  id: 'a1',
  applicantFileId: 'f1',
  applicant: { lastName: 'Dupré', firstNames: 'Hélène' },
  organizationId: 'org-mourenx',
  agent: { userId: 'u1', displayName: 'Camille Etcheverry' },
  // 08:30 UTC in November is 09:30 in Paris.
  startsAt: '2026-11-18T08:30:00Z',
  durationMinutes: 90,
  outcome: 'HONOURED',
  walkIn: false,
  createdAt: '2026-11-01T08:00:00Z',
};

const REQUEST: ReceptionRequestView = {
  id: 'q1',
  applicantFileId: 'f1',
  requestedOn: '2026-03-02',
  deadline: '2026-04-02',
  state: 'LATE',
  daysLate: 3,
  recordedBy: { organizationId: 'org-lagor', organizationName: 'Mairie de Lagor' },
  createdAt: '2026-03-02T10:00:00Z',
};

const isAppointments = (request: { url: string }) => request.url === '/api/appointments';
const isRequests = (request: { url: string }) => request.url === '/api/applicant-files/f1/reception-requests';

async function openSection(role: Role, status: FileStatus = 'REGISTERED') {
  const http = configureCasework();
  await signIn(aUser(role));
  await holdFile(aFile({ status }));
  const fixture = TestBed.createComponent(AppointmentsSection);
  await settle();
  const host = fixture.nativeElement as HTMLElement;
  host.querySelector<HTMLElement>('mat-expansion-panel-header')?.click();
  await settle();
  return { http, host };
}

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 100 });

describe('AppointmentsSection', () => {
  it('shows the requests’ one-month clock and the appointments in French, Paris time', async () => {
    const { host, http } = await openSection('INFO_POINT_AGENT');
    const appointments = http.expectOne(isAppointments);
    expect(appointments.request.params.toString()).toBe('applicantFileId=f1&pageSize=100');
    appointments.flush(page([APPOINTMENT]));
    http.expectOne(isRequests).flush(page([REQUEST]));
    await settle();
    const entries = [...host.querySelectorAll('ul.entries li')].map(text);
    expect(entries).toEqual([
      'Demande du 2 mars 2026, enregistrée par Mairie de Lagor — En retard de 3 jours : l’échéance était le 2 avril 2026',
      'mercredi 18 novembre 2026 à 09:30 (1 h 30) avec Camille Etcheverry — Honoré',
    ]);
    expect(host.querySelector('.state')?.classList).toContain('late');
  });

  it.each<[Role, FileStatus, string[]]>([
    ['INFO_POINT_AGENT', 'REGISTERED', ['Prendre rendez-vous', 'Enregistrer une demande de rendez-vous']],
    // The one-month clock starts for a registered demand only.
    ['INFO_POINT_AGENT', 'CONTACT', ['Prendre rendez-vous']],
    ['INFO_POINT_AGENT', 'CLOSED', []],
    // A relay point records requests but has no agenda.
    ['RELAY_CLERK', 'RENEWAL_DUE', ['Enregistrer une demande de rendez-vous']],
  ])('offers a %s on a %s file what the table allows', async (role, status, offered) => {
    const { host, http } = await openSection(role, status);
    http.match(isAppointments).forEach((request) => request.flush(page([])));
    http.match(isRequests).forEach((request) => request.flush(page([])));
    await settle();
    expect(actionLabels(host)).toEqual(offered);
  });

  it('asks a relay clerk only for the requests, never for appointments', async () => {
    const { host, http } = await openSection('RELAY_CLERK');
    http.expectNone(isAppointments);
    http.expectOne(isRequests).flush(page([]));
    await settle();
    expect([...host.querySelectorAll('h3')].map(text)).toEqual(['Demandes de rendez-vous du demandeur']);
    expect(text(host.querySelector('.empty-state'))).toContain('Aucune demande de rendez-vous enregistrée.');
  });

  it('is not there for a coordinator', async () => {
    const { host } = await openSection('COORDINATOR');
    expect(host.querySelector('mat-expansion-panel')).toBeNull();
  });

  it('says in French which list failed, and retries it alone', async () => {
    const { host, http } = await openSection('SOCIAL_WORKER');
    refuse(http.expectOne(isAppointments), 500);
    http.expectOne(isRequests).flush(page([REQUEST]));
    await settle();
    expect(text(host.querySelector('[role="alert"]'))).toContain(
      'Les rendez-vous n’ont pas pu être chargés.',
    );
    expect(host.querySelectorAll('ul.entries li')).toHaveLength(1);
    await click(host, 'Réessayer');
    http.expectNone(isRequests);
    http.expectOne(isAppointments).flush(page([]));
    await settle();
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect(text(host)).toContain('Aucun rendez-vous avec votre organisme.');
  });
});
