import { HttpErrorResponse } from '@angular/common/http';
import {
  fieldMessage,
  frenchFieldMessage,
  otherFieldLines,
  STALE_FILE_MESSAGE,
  statusMessage,
  writeFailureOf,
} from './write-outcome';

function failureOf(status: number, body: unknown) {
  return writeFailureOf(new HttpErrorResponse({ status, error: body }));
}

/** Words of the API's (English) messages that must never reach the screen. */
const ENGLISH = /\b(must|should|not|Invalid|input|Your|role|property|exist|the|file|found)\b/;

describe('write outcome in French', () => {
  it.each([0, 401, 403, 404, 409, 413, 428, 429, 500, 503, 418])('says status %s in French', (status) => {
    const failure = failureOf(status, { statusCode: status, error: 'X', message: 'Resource not found' });
    expect(failure.message).toBe(status === 409 ? statusMessage(409) : statusMessage(status));
    expect(failure.message).not.toMatch(ENGLISH);
  });

  it('says a 412 is someone else’s change', () => {
    expect(failureOf(412, { message: 'Precondition Failed' })).toEqual({
      kind: 'stale',
      message: STALE_FILE_MESSAGE,
    });
  });

  it('turns each class-validator detail into a French line naming the field', () => {
    const cases: [string, string, string][] = [
      [
        'contact.phone',
        'phone must match /^\\+?[0-9 .()-]{6,20}$/ regular expression',
        'Téléphone : format invalide.',
      ],
      [
        'applicant.lastName',
        'lastName must be shorter than or equal to 100 characters',
        'Nom de naissance du demandeur : trop long (100 caractères au plus).',
      ],
      [
        'currentHousing.rooms',
        'rooms must not be greater than 30',
        'Nombre de pièces : doit être au plus 30.',
      ],
      [
        'resources.incomes.1.monthlyAmount',
        'monthlyAmount must not be greater than 1000000',
        'Montant mensuel (ressource n° 2) : doit être au plus 1\u202f000\u202f000.',
      ],
      [
        'householdMembers.0.kind',
        'kind must be one of the following values: DEPENDANT, OTHER_MEMBER, EXPECTED_CHILD',
        'Type de personne (personne du ménage n° 1) : valeur non reconnue.',
      ],
      [
        'householdMembers.2.expectedBirthDate',
        'expectedBirthDate must be a calendar date YYYY-MM-DD',
        'Date de naissance prévue (personne du ménage n° 3) : date invalide, au format JJ/MM/AAAA.',
      ],
      [
        'resources.incomes.0.person',
        'person must be APPLICANT, CO_APPLICANT or a household member id',
        "Bénéficiaire de la ressource (ressource n° 1) : cette personne n'est pas dans le ménage.",
      ],
      [
        'reasons.main',
        'the main reason must be one of the reasons',
        'Motif principal de la demande : le motif principal doit faire partie des motifs.',
      ],
      [
        'applicant.familySituation',
        'applicant.familySituation is not writable by your role',
        'Situation familiale : votre rôle ne permet pas de modifier cette information.',
      ],
      ['foo', 'property foo should not exist', 'Une information : information non acceptée.'],
      ['wishes.maxRent', 'something nobody expected', 'Loyer maximum : valeur invalide.'],
    ];
    for (const [field, english, french] of cases) {
      expect(frenchFieldMessage(field, english)).toBe(french);
    }
  });

  it('keeps the French lines with their fields, the others for the summary', () => {
    const failure = failureOf(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid input',
      details: [
        { field: 'contact.email', message: 'email must match /x/ regular expression' },
        { field: 'coApplicant.birthDate', message: 'birth date must be a past date' },
      ],
    });
    expect(failure.kind).toBe('invalid');
    expect(failure.message).toBe('Certaines informations sont à corriger.');
    expect(fieldMessage(failure, 'contact.email')).toBe('Courriel : format invalide.');
    expect(otherFieldLines(failure, ['contact.email'])).toEqual([
      'Date de naissance du co-demandeur : la date doit être passée et postérieure au 1er janvier 1900.',
    ]);
  });

  it('names the fields of other requests with the labels it is given', () => {
    const failure = writeFailureOf(
      new HttpErrorResponse({
        status: 400,
        error: {
          details: [{ field: 'scheduledOn', message: 'scheduledOn must be a calendar date YYYY-MM-DD' }],
        },
      }),
      { scheduledOn: 'Date du rendez-vous' },
    );
    expect(fieldMessage(failure, 'scheduledOn')).toBe(
      'Date du rendez-vous : date invalide, au format JJ/MM/AAAA.',
    );
  });

  it('lists what registration misses on a 409, in French', () => {
    const failure = failureOf(409, {
      statusCode: 409,
      message: 'The file is not complete enough to register the demand',
      details: [{ field: 'applicant.civility', message: 'Civilité du demandeur' }],
    });
    expect(failure.message).toBe("Le dossier n'est pas assez complet pour enregistrer la demande.");
    expect(otherFieldLines(failure, [])).toEqual(['Civilité du demandeur : à renseigner.']);
  });

  it('says an unexpected error in French', () => {
    expect(writeFailureOf(new Error('boom')).message).toBe('Une erreur inattendue est survenue.');
  });
});
