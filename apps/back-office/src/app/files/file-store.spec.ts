import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ApplicantFileView } from '@passerelle/shared/domain';
import { FilesApi } from './files-api.service';
import { FileStore } from './file-store';
import { fieldMessage, STALE_FILE_MESSAGE, writeFailureOf } from './write-outcome';
import { HttpErrorResponse } from '@angular/common/http';

function fileAt(version: number, lastName = 'Dupré'): ApplicantFileView {
  return {
    id: 'f1',
    status: 'CONTACT',
    version,
    applicant: { lastName, firstNames: 'Hélène', birthDate: '1980-02-29' },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

describe('FileStore', () => {
  let store: FileStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), FileStore],
    });
    store = TestBed.inject(FileStore);
    http = TestBed.inject(HttpTestingController);
    const loading = store.load('f1');
    http.expectOne('/api/applicant-files/f1').flush(fileAt(3), { headers: { ETag: '"3"' } });
    await loading;
  });

  afterEach(() => http.verify());

  it('sends the ETag of the GET as If-Match and keeps the new one', async () => {
    const api = TestBed.inject(FilesApi);
    const saving = store.write((id, etag) => api.update(id, etag, { applicant: { lastName: 'Ménard' } }));
    const patch = http.expectOne({ method: 'PATCH', url: '/api/applicant-files/f1' });
    expect(patch.request.headers.get('If-Match')).toBe('"3"');
    expect(patch.request.body).toEqual({ applicant: { lastName: 'Ménard' } });
    patch.flush(fileAt(4, 'Ménard'), { headers: { ETag: '"4"' } });
    expect(await saving).toBeNull();
    expect(store.file()?.applicant?.lastName).toBe('Ménard');

    const again = store.write((id, etag) => api.update(id, etag, { applicant: { lastName: 'Martin' } }));
    const second = http.expectOne({ method: 'PATCH', url: '/api/applicant-files/f1' });
    expect(second.request.headers.get('If-Match')).toBe('"4"');
    second.flush(fileAt(5, 'Martin'), { headers: { ETag: '"5"' } });
    await again;
  });

  it('on 412 reports a stale file, keeps what it shows and never retries', async () => {
    const api = TestBed.inject(FilesApi);
    const saving = store.write((id, etag) => api.update(id, etag, { applicant: { lastName: 'Ménard' } }));
    http
      .expectOne({ method: 'PATCH', url: '/api/applicant-files/f1' })
      .flush(
        { statusCode: 412, error: 'Precondition Failed', message: 'stale' },
        { status: 412, statusText: 'Precondition Failed' },
      );
    expect(await saving).toEqual({ kind: 'stale', message: STALE_FILE_MESSAGE });
    expect(store.file()?.applicant?.lastName).toBe('Dupré');
    http.expectNone({ method: 'PATCH' });

    const reloading = store.reload();
    http.expectOne('/api/applicant-files/f1').flush(fileAt(7, 'Martin'), { headers: { ETag: '"7"' } });
    await reloading;
    expect(store.file()?.applicant?.lastName).toBe('Martin');
  });
});

describe('writeFailureOf', () => {
  it('puts the API 400 details next to their fields, in French', () => {
    const failure = writeFailureOf(
      new HttpErrorResponse({
        status: 400,
        error: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Invalid input',
          details: [
            { field: 'applicant.birthDate', message: 'birthDate must be a calendar date YYYY-MM-DD' },
          ],
        },
      }),
    );
    expect(failure.kind).toBe('invalid');
    expect(fieldMessage(failure, 'applicant.birthDate')).toBe(
      'Date de naissance du demandeur : date invalide, au format JJ/MM/AAAA.',
    );
    expect(fieldMessage(failure, 'applicant.lastName')).toBeNull();
  });

  it("never shows the API's English message on 409", () => {
    const failure = writeFailureOf(
      new HttpErrorResponse({
        status: 409,
        error: {
          statusCode: 409,
          error: 'Conflict',
          message: 'This SNE number is already recorded on another file',
        },
      }),
    );
    expect(failure).toEqual({
      kind: 'refused',
      message: 'Ce numéro SNE est déjà enregistré sur un autre dossier.',
      fields: [],
    });
  });
});
