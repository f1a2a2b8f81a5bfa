import { TestBed } from '@angular/core/testing';
import type { ApplicantFileSummary } from '@passerelle/shared/domain';
import {
  aFile,
  API_ENGLISH,
  answerReload,
  click,
  closing,
  configureCasework,
  holdFile,
  openDialog,
  refuse,
  settle,
  signIn,
  text,
  type,
} from '../../testing/casework';
import { aUser } from '../../testing/users';
import { FileStore } from '../files/file-store';
import { BookingDialog } from './booking.dialog';

const SUMMARY = {
  id: 'f9',
  lastName: 'MARTIN',
  firstNames: 'Paul',
  birthDate: '1975-03-14',
  status: 'REGISTERED',
} as ApplicantFileSummary;

/** From the agenda: no file at hand (the route provides no FileStore). */
async function openFromAgenda(date = '2026-11-18') {
  const http = configureCasework();
  await signIn(aUser('INFO_POINT_AGENT'));
  const { ref, dialog } = await openDialog(BookingDialog, { date });
  return { http, dialog, outcome: closing(ref) };
}

describe('BookingDialog', () => {
  beforeEach(() => TestBed.overrideProvider(FileStore, { useValue: null }));

  it('from the agenda, finds the applicant by name and books on the day suggested, Paris time', async () => {
    const { http, dialog, outcome } = await openFromAgenda();
    expect(text(dialog.querySelector('h2'))).toBe('Prendre un rendez-vous');
    await type(dialog, 'Nom du demandeur', ' mar ');
    await click(dialog, 'Rechercher');
    const search = http.expectOne((request) => request.url === '/api/applicant-files');
    expect(search.request.params.toString()).toBe('q=mar&pageSize=10');
    search.flush({ items: [SUMMARY], total: 1, page: 1, pageSize: 10 });
    await settle();
    const choice = dialog.querySelector('mat-radio-button');
    expect(text(choice)).toBe('MARTIN Paul — né(e) le 14 mars 1975 — Enregistrée');
    choice?.querySelector<HTMLInputElement>('input')?.click();
    await type(dialog, 'Heure', '09:30');
    await click(dialog, 'Enregistrer le rendez-vous');
    const booking = http.expectOne({ method: 'POST', url: '/api/appointments' });
    // 09:30 in Paris on 18 November is 08:30 UTC.
    expect(booking.request.body).toEqual({
      applicantFileId: 'f9',
      startsAt: '2026-11-18T08:30:00.000Z',
      durationMinutes: 30,
    });
    booking.flush({ id: 'a1' });
    await settle();
    expect(outcome).toEqual({ closed: true, result: { appointment: { id: 'a1' }, date: '2026-11-18' } });
  });

  it('asks to choose the applicant before booking', async () => {
    const { http, dialog } = await openFromAgenda();
    await click(dialog, 'Enregistrer le rendez-vous');
    http.expectNone('/api/appointments');
    expect(text(dialog.querySelector('p.error'))).toBe('Recherchez puis choisissez le dossier du demandeur.');
  });

  it('refuses an hour outside office hours', async () => {
    const { dialog } = await openFromAgenda();
    await type(dialog, 'Heure', '21:00');
    expect(text(dialog)).toContain('Choisissez une heure entre 7 h et 20 h.');
  });

  it('says in French when the search fails', async () => {
    const { http, dialog } = await openFromAgenda();
    await type(dialog, 'Nom du demandeur', 'martin');
    await click(dialog, 'Rechercher');
    refuse(
      http.expectOne((request) => request.url === '/api/applicant-files'),
      500,
    );
    await settle();
    expect(text(dialog.querySelector('[role="alert"]'))).toBe(
      'La recherche a échoué à cause d’une erreur inattendue. Réessayez dans quelques instants.',
    );
    expect(text(dialog)).not.toContain(API_ENGLISH);
  });
});

describe('BookingDialog over a file', () => {
  it('books for that file without a search, reloads it, and says a 409 in French', async () => {
    const http = configureCasework();
    await signIn(aUser('SOCIAL_WORKER'));
    await holdFile(aFile());
    const { ref, dialog } = await openDialog(BookingDialog, {});
    const outcome = closing(ref);
    expect(text(dialog.querySelector('h2'))).toBe('Prendre rendez-vous avec DUPRÉ Hélène');
    expect(dialog.querySelector('input[formcontrolname="q"]')).toBeNull();
    await type(dialog, 'Date', '2026-07-01');
    await click(dialog, 'Enregistrer le rendez-vous');
    const first = http.expectOne({ method: 'POST', url: '/api/appointments' });
    // 09:00 in Paris in July is 07:00 UTC.
    expect(first.request.body).toEqual({
      applicantFileId: 'f1',
      startsAt: '2026-07-01T07:00:00.000Z',
      durationMinutes: 30,
    });
    refuse(first, 409);
    await settle();
    expect(text(dialog.querySelector('p.error'))).toBe(
      'La prise de rendez-vous a échoué : l’état a changé entre-temps. Rechargez la page.',
    );
    expect(outcome.closed).toBe(false);

    await click(dialog, 'Enregistrer le rendez-vous');
    http.expectOne({ method: 'POST', url: '/api/appointments' }).flush({ id: 'a2' });
    await answerReload(aFile({ version: 4 }));
    expect(outcome).toEqual({ closed: true, result: { appointment: { id: 'a2' }, date: '2026-07-01' } });
  });
});
