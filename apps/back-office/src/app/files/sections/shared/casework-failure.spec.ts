import { HttpErrorResponse } from '@angular/common/http';
import { STALE_FILE_MESSAGE } from '../../write-outcome';
import { asWriteFailure, caseworkFailureOf, failedField } from './casework-failure';

const answer = (status: number, body: unknown = null) => new HttpErrorResponse({ status, error: body });

describe('caseworkFailureOf', () => {
  it('never shows the API message: statuses become French sentences', () => {
    const failure = caseworkFailureOf(
      answer(409, { statusCode: 409, error: 'Conflict', message: 'The flag is already confirmed' }),
      { statuses: { 409: 'Cette fragilité a déjà été tranchée.' } },
    );
    expect(failure).toMatchObject({
      kind: 'refused',
      status: 409,
      message: 'Cette fragilité a déjà été tranchée.',
    });
    expect(JSON.stringify(failure)).not.toContain('already');
  });

  it('falls back to a French message per status, and for the unknown ones', () => {
    expect(caseworkFailureOf(answer(413)).message).toBe('Le fichier ou la demande est trop volumineux.');
    expect(caseworkFailureOf(answer(415)).message).toBe("Ce type de fichier n'est pas accepté.");
    expect(caseworkFailureOf(answer(0)).message).toContain('Le serveur ne répond pas');
    expect(caseworkFailureOf(answer(503)).message).toBe(
      'Passerelle est momentanément indisponible. Réessayez dans quelques instants.',
    );
    expect(caseworkFailureOf(answer(500)).message).toBe(
      'Le serveur a rencontré une erreur. Réessayez dans un instant.',
    );
    expect(caseworkFailureOf(new Error('boom')).kind).toBe('refused');
  });

  it('tells a stale file apart (412), with the reload advice of the file page', () => {
    const failure = caseworkFailureOf(answer(412, { message: 'Precondition failed' }));
    expect(failure.kind).toBe('stale');
    expect(asWriteFailure(failure)).toEqual({ kind: 'stale', message: STALE_FILE_MESSAGE });
  });

  it('puts a French message next to each refused field, nested ones under their parent', () => {
    const failure = caseworkFailureOf(
      answer(400, {
        statusCode: 400,
        message: 'Invalid input',
        details: [
          { field: 'notes', message: 'notes should not be empty' },
          { field: 'diagnosis.communes', message: '99999 is not a commune of the territory' },
          { field: 'diagnosis.communes[1]', message: 'bad' },
          { field: 'mystery', message: 'mystery should not exist' },
          { field: 'other', message: 'other should not exist' },
        ],
      }),
      { fields: { notes: 'Notes : obligatoire.', 'diagnosis.communes': 'Communes : à corriger.' } },
    );
    expect(failure.kind).toBe('invalid');
    expect(failure.message).toBe('Certaines informations sont à corriger.');
    expect(failedField(failure, 'notes')).toBe('Notes : obligatoire.');
    expect(failedField(failure, 'diagnosis.communes')).toBe('Communes : à corriger.');
    expect(failedField(failure, 'conclusion')).toBeNull();
    // Fields the form does not show: one French line, once, never the API's words.
    expect(failure.others).toEqual(['Une information envoyée a été refusée : vérifiez le formulaire.']);
  });

  it('reads a 400 without details (a malformed upload) as a plain French message', () => {
    const failure = caseworkFailureOf(answer(400, { message: 'Invalid multipart body: Unexpected end' }));
    expect(failure).toMatchObject({ kind: 'invalid', fields: {}, others: [] });
    expect(failure.message).not.toContain('multipart');
  });
});
