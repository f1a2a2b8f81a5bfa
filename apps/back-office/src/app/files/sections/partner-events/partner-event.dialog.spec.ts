import type { PartnerEventType } from '@passerelle/shared/domain';
import {
  aFile,
  API_ENGLISH,
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
} from '../../../../testing/casework';
import { aUser } from '../../../../testing/users';
import { PartnerEventDialog } from './partner-event.dialog';

const EVENTS = '/api/applicant-files/f1/events';

async function openEvent(kind: PartnerEventType) {
  const http = configureCasework();
  await signIn(aUser('LANDLORD_OFFICER'));
  await holdFile(aFile({ registeredOn: '2025-06-01' }), '"7"');
  const { ref, dialog } = await openDialog(PartnerEventDialog, kind);
  return { http, dialog, outcome: closing(ref) };
}

describe('PartnerEventDialog', () => {
  it('asks why an offer was refused before sending anything', async () => {
    const { http, dialog } = await openEvent('OFFER_REFUSED');
    expect(text(dialog.querySelector('h2'))).toBe('Enregistrer un refus de proposition');
    await click(dialog, 'Enregistrer le refus');
    http.expectNone(EVENTS);
    expect(text(dialog)).toContain('Motif du refus : dites pourquoi la proposition est refusée.');
  });

  it('sends the event with the file’s ETag, then reads the file again and closes', async () => {
    const { http, dialog, outcome } = await openEvent('OFFER_REFUSED');
    await type(dialog, 'Motif du refus', '  Trop loin du travail. ');
    await click(dialog, 'Enregistrer le refus');
    const request = http.expectOne({ method: 'POST', url: EVENTS });
    expect(request.request.headers.get('If-Match')).toBe('"7"');
    expect(request.request.body).toEqual({
      type: 'OFFER_REFUSED',
      occurredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      reason: 'Trop loin du travail.',
    });
    request.flush({ id: 'e1' });
    await settle();
    http.expectOne({ method: 'GET', url: '/api/applicant-files/f1' }).flush(aFile({ version: 8 }), {
      headers: { ETag: '"8"' },
    });
    await settle();
    expect(outcome).toEqual({ closed: true, result: true });
  });

  it('warns that a signed lease closes the demand', async () => {
    const { dialog } = await openEvent('LEASE_SIGNED');
    expect(text(dialog.querySelector('.notice'))).toBe(
      'Le bail signé clôt la demande : elle sera radiée pour attribution (bail signé), à la date de signature.',
    );
  });

  it('after a 412, says the file changed, offers to reload and no second try', async () => {
    const { http, dialog, outcome } = await openEvent('NOTE');
    await type(dialog, 'Note', 'Relancé par téléphone.');
    await click(dialog, 'Enregistrer la note');
    refuse(http.expectOne(EVENTS), 412);
    await settle();
    expect(text(dialog.querySelector('bo-write-failure'))).toContain(
      "Ce dossier a été modifié par quelqu'un d'autre.",
    );
    expect(dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);
    expect(outcome.closed).toBe(false);
    await click(dialog, 'Recharger');
    http.expectOne('/api/applicant-files/f1').flush(aFile({ version: 9 }), { headers: { ETag: '"9"' } });
    await settle();
    expect(dialog.querySelector('bo-write-failure')).toBeNull();
    await click(dialog, 'Enregistrer la note');
    expect(http.expectOne(EVENTS).request.headers.get('If-Match')).toBe('"9"');
  });

  it('after a 409, says why in French, never the API’s words', async () => {
    const { http, dialog } = await openEvent('NOTE');
    await type(dialog, 'Note', 'Relancé.');
    await click(dialog, 'Enregistrer la note');
    refuse(http.expectOne(EVENTS), 409);
    await settle();
    expect(text(dialog.querySelector('bo-write-failure'))).toBe(
      'La demande est radiée, ou pas encore enregistrée pour un bail : l’événement n’a pas été enregistré.',
    );
    expect(text(dialog)).not.toContain(API_ENGLISH);
  });
});
