import type { EvaluationKind } from '@passerelle/shared/domain';
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
import { EvaluationWriteDialog } from './evaluation-write.dialog';

const CREATE = '/api/applicant-files/f1/evaluations';

async function openWriter(kind: EvaluationKind) {
  const http = configureCasework();
  await signIn(aUser('SOCIAL_WORKER'));
  await holdFile(aFile());
  const { ref, dialog } = await openDialog(EvaluationWriteDialog, kind);
  http
    .match('/api/communes')
    .forEach((request) =>
      request.flush([{ inseeCode: '64410', name: 'Mourenx', postcodes: ['64150'], population: 6500 }]),
    );
  await settle();
  return { http, ref, dialog, outcome: closing(ref) };
}

describe('EvaluationWriteDialog', () => {
  it('is titled after its kind; a social one says who reads its notes', async () => {
    const social = await openWriter('SOCIAL');
    expect(text(social.dialog.querySelector('h2'))).toBe('Évaluation sociale');
    expect(text(social.dialog)).toContain(
      "Les notes d'une évaluation sociale ne sont lues que par les travailleurs sociaux.",
    );
  });

  it('asks for the notes before sending anything (blank notes are no notes)', async () => {
    const { http, dialog, outcome } = await openWriter('HOUSING_PROJECT');
    expect(text(dialog)).not.toContain('travailleurs sociaux');
    await type(dialog, "Notes de l'entretien", '   ');
    await click(dialog, "Enregistrer l'évaluation");
    http.expectNone(CREATE);
    expect(fieldMessages(dialog, "Notes de l'entretien")).toBe(
      "Notes de l'entretien : ce champ est obligatoire.",
    );
    expect(outcome.closed).toBe(false);
  });

  it('sends the evaluation, trimmed, without the empty parts of the diagnosis, then closes', async () => {
    const { http, dialog, outcome } = await openWriter('HOUSING_PROJECT');
    await type(dialog, "Notes de l'entretien", '  Souhaite un T2 près de son travail.  ');
    await choose(dialog, 'Typologies recommandées', 'T2');
    await choose(dialog, 'Communes recommandées', 'Mourenx');
    await type(dialog, 'Conclusion', ' Demande cohérente. ');
    await click(dialog, "Enregistrer l'évaluation");
    const request = http.expectOne({ method: 'POST', url: CREATE });
    expect(request.request.body).toEqual({
      kind: 'HOUSING_PROJECT',
      notes: 'Souhaite un T2 près de son travail.',
      diagnosis: { typologies: ['T2'], communes: ['64410'], conclusion: 'Demande cohérente.' },
    });
    request.flush({ id: 'e1' });
    // The page shows the new evaluation through the file's revision.
    await answerReload(aFile({ version: 4 }));
    expect(outcome).toEqual({ closed: true, result: true });
  });

  it('after a 400, says in French which field was refused and stays open', async () => {
    const { http, dialog, outcome } = await openWriter('HOUSING_PROJECT');
    await type(dialog, "Notes de l'entretien", 'Entretien.');
    await click(dialog, "Enregistrer l'évaluation");
    refuse(http.expectOne(CREATE), 400, [
      { field: 'notes', message: 'notes must be shorter than or equal to 20000 characters' },
      { field: 'unexpected', message: 'property unexpected should not exist' },
    ]);
    await settle();
    expect(text(dialog.querySelector('bo-write-failure'))).toContain(
      'Certaines informations sont à corriger. Une information envoyée a été refusée : vérifiez le formulaire.',
    );
    expect(fieldMessages(dialog, "Notes de l'entretien")).toContain(
      'Notes : ce champ est obligatoire, 20 000 caractères au plus.',
    );
    expect(text(dialog)).not.toContain(API_ENGLISH);
    expect(text(dialog)).not.toContain('must be');
    expect(outcome.closed).toBe(false);
    expect(dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(false);
  });

  it('after a 400 on a field that has a hint, shows the refusal in place of the hint', async () => {
    const { http, dialog, outcome } = await openWriter('HOUSING_PROJECT');
    await type(dialog, "Notes de l'entretien", 'Entretien.');
    await click(dialog, "Enregistrer l'évaluation");
    refuse(http.expectOne(CREATE), 400, [
      { field: 'diagnosis.communes', message: 'diagnosis.communes must be one of the reference communes' },
    ]);
    await settle();
    expect(fieldMessages(dialog, 'Communes recommandées')).toBe(
      'Communes recommandées : 8 communes du territoire au plus.',
    );
    expect(text(dialog)).not.toContain('must be');
    expect(outcome.closed).toBe(false);
  });

  it('after a 403, says this kind may not be written here', async () => {
    const { http, dialog } = await openWriter('SOCIAL');
    await type(dialog, "Notes de l'entretien", 'Entretien.');
    await click(dialog, "Enregistrer l'évaluation");
    refuse(http.expectOne(CREATE), 403);
    await settle();
    expect(text(dialog.querySelector('[role="alert"]'))).toContain(
      "Vous n'avez pas le droit d'écrire ce type d'évaluation sur ce dossier.",
    );
    http.verify();
  });
});
