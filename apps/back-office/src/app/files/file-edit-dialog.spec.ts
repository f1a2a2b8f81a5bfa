import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import type { ApplicantFileView } from '@passerelle/shared/domain';
import { FileEditDialog, type FileWrite } from './file-edit-dialog';
import { FileStore } from './file-store';
import { STALE_FILE_MESSAGE } from './write-outcome';

function fileAt(version: number, lastName = 'Dupré', phone = ''): ApplicantFileView {
  return {
    id: 'f1',
    status: 'CONTACT',
    version,
    applicant: { lastName, firstNames: 'Hélène', birthDate: '1980-02-29' },
    contact: phone ? { phone } : undefined,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

@Component({ selector: 'bo-test-dialog', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class TestDialog extends FileEditDialog {
  private readonly fb = inject(NonNullableFormBuilder);
  readonly form = this.fb.group({ lastName: ['', Validators.required], phone: [''] });
  protected readonly fields = ['applicant.lastName'];

  constructor() {
    super();
    this.fill(this.store.file());
  }

  get state() {
    return { pending: this.pending(), failure: this.failure(), others: this.otherErrors() };
  }

  message(field: string): string | null {
    return this.fieldMessage(field);
  }

  protected override request(file: ApplicantFileView | null): FileWrite | null {
    const value = this.form.getRawValue();
    return this.update(
      this.patchOf(file, { applicant: { lastName: value.lastName }, contact: { phone: value.phone } }),
    );
  }

  protected override fill(file: ApplicantFileView | null): void {
    this.form.reset({ lastName: file?.applicant?.lastName ?? '', phone: file?.contact?.phone ?? '' });
  }
}

describe('FileEditDialog (the shared save flow)', () => {
  let http: HttpTestingController;
  let close: jest.Mock;
  let dialog: TestDialog;

  beforeEach(async () => {
    close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        FileStore,
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(FileStore).load('f1');
    http.expectOne('/api/applicant-files/f1').flush(fileAt(3), { headers: { ETag: '"3"' } });
    await loading;
    dialog = TestBed.createComponent(TestDialog).componentInstance;
  });

  afterEach(() => http.verify());

  it('fills the form from the file', () => {
    expect(dialog.form.getRawValue()).toEqual({ lastName: 'Dupré', phone: '' });
  });

  it('sends nothing while the form is invalid, and shows its messages', async () => {
    dialog.form.controls.lastName.setValue('');
    await dialog.save();
    expect(dialog.form.controls.lastName.touched).toBe(true);
    expect(close).not.toHaveBeenCalled();
    http.expectNone({ method: 'PATCH' });
  });

  it('closes without writing when nothing changed', async () => {
    await dialog.save();
    expect(close).toHaveBeenCalledWith(false);
    http.expectNone({ method: 'PATCH' });
  });

  it('sends only what changed, with the ETag, and closes with true', async () => {
    dialog.form.controls.phone.setValue('05 59 00 00 00');
    const saving = dialog.save();
    expect(dialog.state.pending).toBe(true);
    const patch = http.expectOne({ method: 'PATCH', url: '/api/applicant-files/f1' });
    expect(patch.request.headers.get('If-Match')).toBe('"3"');
    expect(patch.request.body).toEqual({ contact: { phone: '05 59 00 00 00' } });
    patch.flush(fileAt(4, 'Dupré', '05 59 00 00 00'), { headers: { ETag: '"4"' } });
    await saving;
    expect(dialog.state.pending).toBe(false);
    expect(close).toHaveBeenCalledWith(true);
  });

  it('on 400 puts French messages next to the fields and the rest in the summary', async () => {
    dialog.form.setValue({ lastName: 'X1', phone: 'abc' });
    const saving = dialog.save();
    http.expectOne({ method: 'PATCH' }).flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid input',
        details: [
          { field: 'applicant.lastName', message: 'lastName must match /x/ regular expression' },
          { field: 'contact.phone', message: 'phone must match /x/ regular expression' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await saving;
    expect(close).not.toHaveBeenCalled();
    expect(dialog.state.failure?.message).toBe('Certaines informations sont à corriger.');
    expect(dialog.message('applicant.lastName')).toBe('Nom de naissance du demandeur : format invalide.');
    expect(dialog.state.others).toEqual(['Téléphone : format invalide.']);
  });

  it('on 412 says someone else changed the file; reload refills the form', async () => {
    dialog.form.controls.lastName.setValue('Ménard');
    const saving = dialog.save();
    http
      .expectOne({ method: 'PATCH' })
      .flush({ statusCode: 412, message: 'stale' }, { status: 412, statusText: 'Precondition Failed' });
    await saving;
    expect(dialog.state.failure).toEqual({ kind: 'stale', message: STALE_FILE_MESSAGE });
    expect(close).not.toHaveBeenCalled();

    const reloading = dialog.reload();
    http.expectOne('/api/applicant-files/f1').flush(fileAt(5, 'Martin'), { headers: { ETag: '"5"' } });
    await reloading;
    expect(dialog.state.failure).toBeNull();
    expect(dialog.form.getRawValue().lastName).toBe('Martin');
  });
});
