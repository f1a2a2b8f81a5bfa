import { calendarDateInParis, type FragilityFlagView } from '@passerelle/shared/domain';
import {
  aFile,
  API_ENGLISH,
  answerReload,
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
import { FlagDecideDialog } from './flag-decide.dialog';
import type { FlagDecisionData } from './fragility.routes';

const FLAG: FragilityFlagView = {
  id: 'g1',
  applicantFileId: 'f1',
  criterion: 'DISABILITY',
  status: 'SUSPECTED',
  suspectedAt: '2026-03-11T10:00:00Z',
  note: 'Fauteuil roulant.',
};

async function openDecision(data: FlagDecisionData, flag: FragilityFlagView = FLAG) {
  const http = configureCasework();
  await signIn(aUser('SOCIAL_WORKER'));
  await holdFile(aFile());
  const { ref, dialog } = await openDialog(FlagDecideDialog, data);
  http
    .expectOne((request) => request.url === '/api/applicant-files/f1/fragility-flags')
    .flush({ items: [flag], total: 1, page: 1, pageSize: 100 });
  await settle();
  return { http, dialog, outcome: closing(ref) };
}

describe('FlagDecideDialog', () => {
  it('shows the flag and what was seen, and says what the decision is', async () => {
    const { dialog } = await openDecision({ flagId: 'g1', status: 'RULED_OUT' });
    expect(text(dialog.querySelector('h2'))).toBe('Écarter une fragilité');
    expect(text(dialog)).toContain(
      'Personne en situation de handicap ou ayant à charge une personne handicapée',
    );
    expect(text(dialog)).toContain('Observation : Fauteuil roulant.');
    expect(text(dialog.querySelector('button[type="submit"]'))).toBe('Écarter');
  });

  it('offers no decision on a flag already decided', async () => {
    const { dialog } = await openDecision(
      { flagId: 'g1', status: 'CONFIRMED' },
      { ...FLAG, status: 'RULED_OUT' },
    );
    expect(text(dialog.querySelector('[role="alert"]'))).toBe('Cette fragilité est déjà écartée.');
    expect(dialog.querySelector('button[type="submit"]')).toBeNull();
  });

  it('asks for a note, then confirms with the note and the day, and closes', async () => {
    const { http, dialog, outcome } = await openDecision({ flagId: 'g1', status: 'CONFIRMED' });
    await click(dialog, 'Confirmer');
    http.expectNone({ method: 'PATCH', url: '/api/fragility-flags/g1' });
    expect(fieldMessages(dialog, 'Note de décision')).toContain(
      'Note de décision : ce champ est obligatoire.',
    );

    await type(dialog, 'Note de décision', ' Reconnaissance MDPH vue. ');
    await click(dialog, 'Confirmer');
    const request = http.expectOne({ method: 'PATCH', url: '/api/fragility-flags/g1' });
    expect(request.request.body).toEqual({
      status: 'CONFIRMED',
      note: 'Reconnaissance MDPH vue.',
      // The default day: today in Paris.
      decidedOn: calendarDateInParis(new Date()),
    });
    request.flush({ ...FLAG, status: 'CONFIRMED' });
    // A confirmed criterion changes the file's priority: the file is read again.
    await answerReload(aFile({ version: 4 }));
    expect(outcome).toEqual({ closed: true, result: true });
  });

  it('after a 409, says in French the flag was decided meanwhile', async () => {
    const { http, dialog, outcome } = await openDecision({ flagId: 'g1', status: 'CONFIRMED' });
    await type(dialog, 'Note de décision', 'Vu.');
    await click(dialog, 'Confirmer');
    refuse(http.expectOne({ method: 'PATCH', url: '/api/fragility-flags/g1' }), 409);
    await settle();
    expect(text(dialog.querySelector('bo-write-failure'))).toBe(
      'Cette fragilité a déjà été confirmée ou écartée : rechargez la page pour voir la décision.',
    );
    expect(text(dialog)).not.toContain(API_ENGLISH);
    expect(outcome.closed).toBe(false);
  });
});
