import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  type ApplicantFileContent,
  FILE_STATUS_LABELS,
  type PossibleDuplicate,
} from '@passerelle/shared/domain';
import { catchError, firstValueFrom, of } from 'rxjs';
import { calendarDateOf, frenchDate, fullName } from './file-format';
import { FilesApi } from './files-api.service';
import { ContactFieldsComponent } from './contact-fields.component';
import { contactForm, type ContactField, personForm, type PersonField } from './person-form';
import { PersonFieldsComponent } from './person-fields.component';
import { otherFieldLines, type WriteFailure, writeFailureOf } from './write-outcome';

@Component({
  selector: 'bo-file-create-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAnchor,
    MatButton,
    PersonFieldsComponent,
    ContactFieldsComponent,
  ],
  templateUrl: './file-create.page.html',
  styleUrl: './file-create.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileCreatePage {
  private readonly api = inject(FilesApi);

  private readonly fb = inject(NonNullableFormBuilder);
  /** The same fields as the identity dialog: only these are asked at creation. */
  protected readonly form = this.fb.group({ person: personForm(this.fb), contact: contactForm(this.fb) });
  protected readonly personFields: readonly PersonField[] = ['lastName', 'firstNames', 'birthDate'];
  protected readonly contactFields: readonly ContactField[] = ['phone', 'inseeCode'];
  protected readonly communes = toSignal(this.api.communes().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly pending = signal(false);
  protected readonly failure = signal<WriteFailure | null>(null);
  /** Once created: the new file and the files that look like the same person. */
  protected readonly created = signal<{ id: string; duplicates: PossibleDuplicate[] } | null>(null);
  protected readonly otherErrors = computed(() =>
    otherFieldLines(this.failure(), [
      'applicant.lastName',
      'applicant.firstNames',
      'applicant.birthDate',
      'contact.phone',
      'contact.inseeCode',
    ]),
  );
  protected readonly statusLabels = FILE_STATUS_LABELS;
  protected readonly frenchDate = frenchDate;
  protected readonly fullName = fullName;

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { person, contact } = this.form.getRawValue();
    const body: ApplicantFileContent = {
      applicant: {
        lastName: person.lastName.trim(),
        firstNames: person.firstNames.trim(),
        birthDate: calendarDateOf(person.birthDate) ?? '',
      },
    };
    const phone = contact.phone.trim();
    if (phone || contact.inseeCode) {
      body.contact = {
        ...(phone ? { phone } : {}),
        ...(contact.inseeCode ? { inseeCode: contact.inseeCode } : {}),
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
