import {
  aFile,
  API_ENGLISH,
  answerReload,
  choose,
  click,
  closing,
  configureCasework,
  fieldMessages,
  holdFile,
  openDialog,
  refuse,
  settle,
  signIn,
  text,
  type,
} from '../../../../testing/casework';
import { aUser } from '../../../../testing/users';
import { FlagSuspectDialog } from './flag-suspect.dialog';

const FLAGS = '/api/applicant-files/f1/fragility-flags';

async function openSuspicion() {
  const http = configureCasework();
  await signIn(aUser('RELAY_CLERK'));
  await holdFile(aFile());
  const { ref, dialog } = await openDialog(FlagSuspectDialog);
  return { http, dialog, outcome: closing(ref) };
}

describe('FlagSuspectDialog', () => {
  it('asks for a criterion before sending anything', async () => {
    const { http, dialog } = await openSuspicion();
    await click(dialog, 'Signaler');
    http.expectNone(FLAGS);
    expect(fieldMessages(dialog, 'Critère de priorité')).toBe(
      'Critère de priorité : ce champ est obligatoire.',
    );
  });

  it('sends the criterion and what was seen (trimmed), then closes', async () => {
    const { http, dialog, outcome } = await openSuspicion();
    await choose(dialog, 'Critère de priorité', 'Décision favorable DALO');
    await type(dialog, 'Ce qui a été constaté', '  Courrier de la commission.  ');
    await click(dialog, 'Signaler');
    const request = http.expectOne({ method: 'POST', url: FLAGS });
    expect(request.request.body).toEqual({ criterion: 'DALO_DECISION', note: 'Courrier de la commission.' });
    request.flush({});
    await answerReload(aFile({ version: 4 }));
    expect(outcome).toEqual({ closed: true, result: true });
  });

  it('leaves out an empty observation', async () => {
    const { http, dialog } = await openSuspicion();
    await choose(dialog, 'Critère de priorité', 'Décision favorable DALO');
    await type(dialog, 'Ce qui a été constaté', '   ');
    await click(dialog, 'Signaler');
    expect(http.expectOne({ method: 'POST', url: FLAGS }).request.body).toEqual({
      criterion: 'DALO_DECISION',
    });
  });

  it('after a 403, says in French it may not be done here, and stays open', async () => {
    const { http, dialog, outcome } = await openSuspicion();
    await choose(dialog, 'Critère de priorité', 'Décision favorable DALO');
    await click(dialog, 'Signaler');
    refuse(http.expectOne({ method: 'POST', url: FLAGS }), 403);
    await settle();
    expect(text(dialog.querySelector('bo-write-failure'))).toBe(
      "Vous n'avez pas le droit de signaler une fragilité sur ce dossier.",
    );
    expect(text(dialog)).not.toContain(API_ENGLISH);
    expect(outcome.closed).toBe(false);
  });
});
