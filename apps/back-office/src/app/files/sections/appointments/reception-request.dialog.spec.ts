import { calendarDateInParis } from '@passerelle/shared/domain';
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
} from '../../../../testing/casework';
import { aUser } from '../../../../testing/users';
import { ReceptionRequestDialog } from './reception-request.dialog';

const REQUESTS = '/api/applicant-files/f1/reception-requests';

async function openRequest() {
  const http = configureCasework();
  await signIn(aUser('RELAY_CLERK'));
  await holdFile(aFile());
  const { ref, dialog } = await openDialog(ReceptionRequestDialog);
  return { http, dialog, outcome: closing(ref) };
}

describe('ReceptionRequestDialog', () => {
  it('records a request made today (Paris) by default, then closes', async () => {
    const { http, dialog, outcome } = await openRequest();
    await click(dialog, 'Enregistrer la demande');
    const request = http.expectOne({ method: 'POST', url: REQUESTS });
    expect(request.request.body).toEqual({ requestedOn: calendarDateInParis(new Date()) });
    request.flush({});
    await answerReload(aFile({ version: 4 }));
    expect(outcome).toEqual({ closed: true, result: true });
  });

  it('after a 409, says in French what happened and stays open', async () => {
    const { http, dialog, outcome } = await openRequest();
    await click(dialog, 'Enregistrer la demande');
    refuse(http.expectOne({ method: 'POST', url: REQUESTS }), 409);
    await settle();
    expect(text(dialog.querySelector('.api-error'))).toBe(
      'L’enregistrement de la demande a échoué : l’état a changé entre-temps. Rechargez la page.',
    );
    expect(text(dialog)).not.toContain(API_ENGLISH);
    expect(outcome.closed).toBe(false);
  });

  it('says so when the server cannot be reached', async () => {
    const { http, dialog } = await openRequest();
    await click(dialog, 'Enregistrer la demande');
    http.expectOne(REQUESTS).error(new ProgressEvent('error'), { status: 0 });
    await settle();
    expect(text(dialog.querySelector('.api-error'))).toBe(
      'L’enregistrement de la demande a échoué : le serveur Passerelle ne répond pas. Réessayez dans quelques instants.',
    );
  });
});
