import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  type ApplicantFileContent,
  FILE_STATUS_LABELS,
  type PossibleDuplicate,
} from '@passerelle/shared/domain';
import { catchError, firstValueFrom, of } from 'rxjs';
import { calendarDateOf, frenchDate, fullName } from './file-format';
import { FilesApi } from './files-api.service';
import { fieldMessage, otherFieldMessages, type WriteFailure, writeFailureOf } from './write-outcome';
import { errorMessage, MAX_FIRST_NAMES, MAX_LAST_NAME, pastBirthDate, personName, PHONE } from './validation';

@Component({
  selector: 'bo-file-create-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAnchor,
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
  ],
  templateUrl: './file-create.page.html',
  styleUrl: './file-create.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileCreatePage {
  private readonly api = inject(FilesApi);

  protected readonly form = inject(NonNullableFormBuilder).group({
    lastName: ['', [Validators.required, Validators.maxLength(MAX_LAST_NAME), personName]],
    firstNames: ['', [Validators.required, Validators.maxLength(MAX_FIRST_NAMES), personName]],
    birthDate: [null as Date | null, [Validators.required, pastBirthDate]],
    phone: ['', Validators.pattern(PHONE)],
    inseeCode: [''],
  });
  protected readonly today = new Date();
  protected readonly communes = toSignal(this.api.communes().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly pending = signal(false);
  protected readonly failure = signal<WriteFailure | null>(null);
  /** Once created: the new file and the files that look like the same person. */
  protected readonly created = signal<{ id: string; duplicates: PossibleDuplicate[] } | null>(null);
  protected readonly otherErrors = computed(() =>
    otherFieldMessages(this.failure(), [
      'applicant.lastName',
      'applicant.firstNames',
      'applicant.birthDate',
      'contact.phone',
    ]),
  );
  protected readonly statusLabels = FILE_STATUS_LABELS;
  protected readonly frenchDate = frenchDate;
  protected readonly fullName = fullName;
  protected readonly fieldMessage = (field: string) => fieldMessage(this.failure(), field);
  protected readonly errorMessage = errorMessage;

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const body: ApplicantFileContent = {
      applicant: {
        lastName: value.lastName.trim(),
        firstNames: value.firstNames.trim(),
        birthDate: calendarDateOf(value.birthDate) ?? '',
      },
    };
    const phone = value.phone.trim();
    if (phone || value.inseeCode) {
      body.contact = {
        ...(phone ? { phone } : {}),
        ...(value.inseeCode ? { inseeCode: value.inseeCode } : {}),
      };
    }
    this.pending.set(true);
    this.failure.set(null);
    try {
      const file = await firstValueFrom(this.api.create(body));
      const duplicates =
        file.possibleDuplicates.length > 0
          ? await firstValueFrom(this.api.duplicates(file.id).pipe(catchError(() => of([]))))
          : [];
      this.created.set({ id: file.id, duplicates });
    } catch (error: unknown) {
      this.failure.set(writeFailureOf(error));
    } finally {
      this.pending.set(false);
    }
  }
}
