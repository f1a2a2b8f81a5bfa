import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import type { ApplicantFileView } from '@passerelle/shared/domain';
import { catchError, of } from 'rxjs';
import { AuthService, principalOf } from '../auth/auth.service';
import { ContactFieldsComponent } from './contact-fields.component';
import { FileEditDialog, type FileWrite } from './file-edit-dialog';
import { fileAbilities } from './file-permissions';
import {
  contactContent,
  contactForm,
  contactFormValue,
  IDENTITY_FIELDS,
  PERSON_FIELDS,
  personContent,
  personFieldPath,
  personForm,
  personFormValue,
} from './person-form';
import { PersonFieldsComponent } from './person-fields.component';
import { WriteFailureComponent } from './write-failure.component';

const CONTACT_PATHS = ['contact.phone', 'contact.email', 'contact.address', 'contact.inseeCode'];

/**
 * « Identité et contact »: what every role that may update a file may write (relay clerks too:
 * their grant stops at identity and contact, so the situation fields are not offered to them).
 */
@Component({
  selector: 'bo-identity-edit-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    PersonFieldsComponent,
    ContactFieldsComponent,
    WriteFailureComponent,
  ],
  templateUrl: './identity-edit.dialog.html',
  styleUrl: './file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IdentityEditDialog extends FileEditDialog {
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({ person: personForm(this.fb), contact: contactForm(this.fb) });
  protected readonly personFields = this.writesEverything() ? PERSON_FIELDS : IDENTITY_FIELDS;
  protected readonly fields = [
    ...this.personFields.map((field) => personFieldPath('applicant', field)),
    ...CONTACT_PATHS,
  ];
  protected readonly communes = toSignal(this.api.communes().pipe(catchError(() => of([]))), {
    initialValue: [],
  });

  constructor() {
    super();
    this.fill(this.store.file());
  }

  protected override request(file: ApplicantFileView | null): FileWrite | null {
    const value = this.form.getRawValue();
    return this.update(
      this.patchOf(file, {
        applicant: personContent(value.person, this.personFields),
        contact: contactContent(value.contact),
      }),
    );
  }

  protected override fill(file: ApplicantFileView | null): void {
    this.form.reset({ person: personFormValue(file?.applicant), contact: contactFormValue(file?.contact) });
  }

  private writesEverything(): boolean {
    const user = inject(AuthService).user();
    return fileAbilities(user ? principalOf(user) : null, this.store.file()?.status).updateEverything;
  }
}
