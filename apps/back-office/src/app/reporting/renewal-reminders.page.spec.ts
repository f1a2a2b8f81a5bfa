import type { CurrentUser, Page, RenewalReminderItem } from '@passerelle/shared/domain';
import { TestBed } from '@angular/core/testing';
import {
  actionLabels,
  API_ENGLISH,
  configureCasework,
  definitions,
  refuse,
  settle,
  signIn,
  text,
} from '../../testing/casework';
import { aUser } from '../../testing/users';
import { RenewalRemindersPage } from './renewal-reminders.page';

const ITEM: RenewalReminderItem = {
  applicantFileId: 'f1',
  status: 'REGISTERED',
  sneNumber: null,
  renewalDueOn: '2026-06-01',
  applicant: { civility: 'MRS', lastName: 'Dupré', usageName: 'Martin', firstNames: 'Hélène' },
  contact: {
    phone: '05 59 00 00 00',
    address: { line1: '3 rue des Pins', postcode: '64150', city: 'Mourenx' },
  } as RenewalReminderItem['contact'],
  text: 'Votre demande arrive à échéance le 1er juin 2026.',
};

const page = (items: RenewalReminderItem[], total = items.length): Page<RenewalReminderItem> => ({
  items,
  total,
  page: 1,
  pageSize: 20,
});

const isList = (request: { url: string }) => request.url === '/api/reporting/renewal-reminders';

async function openPage(user: CurrentUser) {
  const http = configureCasework();
  await signIn(user);
  const fixture = TestBed.createComponent(RenewalRemindersPage);
  await settle();
  return { http, host: fixture.nativeElement as HTMLElement };
}

describe('RenewalRemindersPage', () => {
  it('lists whom to remind, in French, with what to tell them', async () => {
    const { host, http } = await openPage(aUser('INFO_POINT_AGENT'));
    const request = http.expectOne(isList);
    expect(request.request.params.toString()).toBe('page=1&pageSize=20');
    request.flush(page([ITEM]));
    await settle();
    expect(text(host.querySelector('article h2'))).toBe('Madame Martin (Dupré) Hélène');
    expect(definitions(host.querySelector('article'))).toEqual({
      Échéance: '1er juin 2026',
      'Numéro unique': 'non renseigné',
      Statut: 'Enregistrée',
      Téléphone: '05 59 00 00 00',
      Courriel: 'non renseigné',
      Adresse: '3 rue des Pins, 64150 Mourenx',
    });
    expect(text(host.querySelector('details p'))).toBe('Votre demande arrive à échéance le 1er juin 2026.');
  });

  it.each<[string, CurrentUser, string[]]>([
    [
      'an info point marks the reminder',
      aUser('INFO_POINT_AGENT'),
      ['Ouvrir le dossier', 'Marquer comme relancé'],
    ],
    ['a coordinator only opens the file', aUser('COORDINATOR'), ['Ouvrir le dossier']],
  ])('offers what the permission table allows: %s', async (_case, user, offered) => {
    const { host, http } = await openPage(user);
    http.expectOne(isList).flush(page([ITEM]));
    await settle();
    const article = host.querySelector('article') as HTMLElement;
    expect(actionLabels(article).map((label) => label.split(' de ')[0].split(' : ')[0])).toEqual(offered);
  });

  it('records the reminder, says so in French, and reloads the list', async () => {
    const { host, http } = await openPage(aUser('INFO_POINT_AGENT'));
    http.expectOne(isList).flush(page([ITEM]));
    await settle();
    (host.querySelector('.actions button') as HTMLButtonElement).click();
    await settle();
    const request = http.expectOne({ method: 'POST', url: '/api/applicant-files/f1/renewal-reminders' });
    expect(request.request.body).toEqual({});
    request.flush({ remindedOn: '2026-05-02', renewalDueOn: '2026-06-01' });
    await settle();
    http.expectOne(isList).flush(page([]));
    await settle();
    expect(text(host.querySelector('[role="status"]'))).toBe(
      'Madame Martin (Dupré) Hélène est noté(e) comme relancé(e) le 2 mai 2026 pour l’échéance du 1er juin 2026.',
    );
    expect(text(host.querySelector('.empty-state'))).toContain('Personne à relancer');
  });

  it('after a 409, says in French it was already done and reloads the list', async () => {
    const { host, http } = await openPage(aUser('INFO_POINT_AGENT'));
    http.expectOne(isList).flush(page([ITEM]));
    await settle();
    (host.querySelector('.actions button') as HTMLButtonElement).click();
    await settle();
    refuse(http.expectOne('/api/applicant-files/f1/renewal-reminders'), 409);
    await settle();
    http.expectOne(isList).flush(page([]));
    await settle();
    expect(text(host.querySelector('[role="status"]'))).toBe(
      'Madame Martin (Dupré) Hélène a déjà été relancé(e) pour cette échéance, ou la demande n’est plus à renouveler. La liste est mise à jour.',
    );
    expect(text(host)).not.toContain(API_ENGLISH);
  });

  it('says in French when the list cannot be loaded', async () => {
    const { host, http } = await openPage(aUser('INFO_POINT_AGENT'));
    refuse(http.expectOne(isList), 500);
    await settle();
    expect(text(host.querySelector('[role="alert"]'))).toBe(
      'La liste n’a pas pu être chargée. Réessayez dans quelques instants.',
    );
  });
});
