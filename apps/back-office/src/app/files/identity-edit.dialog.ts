import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import {
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { ApplicantFileView } from '@passerelle/shared/domain';
import { catchError, of } from 'rxjs';
import { calendarDateOf, dateOf } from './file-format';
import { FilesApi } from './files-api.service';
import { FileStore } from './file-store';
import { buildMergePatch, isEmptyPatch } from './merge-patch';
import { errorMessage, MAX_FIRST_NAMES, MAX_LAST_NAME, pastBirthDate, personName, PHONE } from './validation';
import { WriteFailureComponent } from './write-failure.component';
import { fieldMessage, otherFieldMessages, type WriteFailure } from './write-outcome';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const POSTCODE = /^[0-9]{5}$/;

/** The form's fields, by the API's dotted path, for its 400 details. */
const FIELDS = [
  'applicant.lastName',
  'applicant.usageName',
  'applicant.firstNames',
  'applicant.birthDate',
  'contact.phone',
  'contact.email',
  'contact.address',
  'contact.inseeCode',
];

/** « Identité et contact »: what every role that may update a file may write (relay clerks too). */
@Component({
  selector: 'bo-identity-edit-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatSuffix,
    MatInput,
    MatSelect,
    MatOption,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    WriteFailureComponent,
  ],
  templateUrl: './identity-edit.dialog.html',
  styleUrl: './file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IdentityEditDialog {
  private readonly store = inject(FileStore);
  private readonly api = inject(FilesApi);
  private readonly ref = inject(MatDialogRef<IdentityEditDialog>);

  protected readonly form = inject(NonNullableFormBuilder).group({
    lastName: ['', [Validators.required, Validators.maxLength(MAX_LAST_NAME), personName]],
    usageName: ['', [Validators.maxLength(MAX_LAST_NAME), personName]],
    firstNames: ['', [Validators.required, Validators.maxLength(MAX_FIRST_NAMES), personName]],
    birthDate: [null as Date | null, [Validators.required, pastBirthDate]],
    phone: ['', Validators.pattern(PHONE)],
    email: ['', [Validators.pattern(EMAIL), Validators.maxLength(254)]],
    line1: [''],
    postcode: ['', Validators.pattern(POSTCODE)],
    city: [''],
    inseeCode: [''],
  });
  protected readonly today = new Date();
  protected readonly communes = toSignal(this.api.communes().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly pending = signal(false);
  protected readonly failure = signal<WriteFailure | null>(null);
  protected readonly otherErrors = computed(() =>
    otherFieldMessages(this.failure(), FIELDS).map((item) => `${item.field} : ${item.message}`),
  );
  protected readonly errorMessage = errorMessage;
  protected readonly fieldMessage = (field: string) => fieldMessage(this.failure(), field);

  constructor() {
    this.fill(this.store.file());
  }

  protected async save(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const file = this.store.file();
    const patch = buildMergePatch(file ?? {}, this.content());
    if (isEmptyPatch(patch)) {
      this.ref.close(false);
      return;
    }
    this.pending.set(true);
    this.failure.set(null);
    const failure = await this.store.write((id, etag) => this.api.update(id, etag, patch));
    this.pending.set(false);
    if (failure) this.failure.set(failure);
    else this.ref.close(true);
  }

  /** After a 412: the current version replaces the form; the user redoes the change knowingly. */
  protected async reload(): Promise<void> {
    await this.store.reload();
    this.failure.set(null);
    this.fill(this.store.file());
  }

  private content() {
    const value = this.form.getRawValue();
    return {
      applicant: {
        lastName: value.lastName.trim(),
        usageName: value.usageName.trim(),
        firstNames: value.firstNames.trim(),
        birthDate: calendarDateOf(value.birthDate) ?? '',
      },
      contact: {
        phone: value.phone.trim(),
        email: value.email.trim(),
        inseeCode: value.inseeCode,
        address: { line1: value.line1.trim(), postcode: value.postcode.trim(), city: value.city.trim() },
      },
    };
  }

  private fill(file: ApplicantFileView | null): void {
    this.form.reset({
      lastName: file?.applicant?.lastName ?? '',
      usageName: file?.applicant?.usageName ?? '',
      firstNames: file?.applicant?.firstNames ?? '',
      birthDate: dateOf(file?.applicant?.birthDate),
      phone: file?.contact?.phone ?? '',
      email: file?.contact?.email ?? '',
      line1: file?.contact?.address?.line1 ?? '',
      postcode: file?.contact?.address?.postcode ?? '',
      city: file?.contact?.address?.city ?? '',
      inseeCode: file?.contact?.inseeCode ?? '',
    });
  }
}
