import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatSuffix } from '@angular/material/form-field';
import {
  type ApplicantFileView,
  CO_APPLICANT_RELATIONSHIP_LABELS,
  CO_APPLICANT_RELATIONSHIPS,
  HOUSEHOLD_MEMBER_KIND_LABELS,
  HOUSEHOLD_MEMBER_KINDS,
  HOUSEHOLD_RELATIONSHIP_LABELS,
  HOUSEHOLD_RELATIONSHIPS,
  type HouseholdMemberKind,
} from '@passerelle/shared/domain';
import { catchError, of } from 'rxjs';
import { FileEditDialog, type FileWrite } from './file-edit-dialog';
import {
  fillHousehold,
  householdContent,
  householdForm,
  memberForm,
  type MemberForm,
  setCoApplicant,
} from './household-form';
import { PERSON_FIELDS, personFieldPath } from './person-form';
import { PersonFieldsComponent } from './person-fields.component';
import { RemovableRowComponent } from '../ui/removable-row.component';
import { WriteFailureComponent } from './write-failure.component';
import { FORM_DIALOG_KIT } from './form-dialog-kit';
import { todayInParis } from './file-format';

/** At most as many people as the API keeps. */
const MAX_MEMBERS = 30;

/** « Ménage »: the co-applicant, the dependants, the other people to house, an expected child. */
@Component({
  selector: 'bo-household-edit-dialog',
  imports: [
    FORM_DIALOG_KIT,
    MatCheckbox,
    MatSuffix,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    PersonFieldsComponent,
    RemovableRowComponent,
    WriteFailureComponent,
  ],
  templateUrl: './household-edit.dialog.html',
  styleUrl: './file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HouseholdEditDialog extends FileEditDialog {
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = householdForm(this.fb);
  protected readonly fields = [
    ...PERSON_FIELDS.map((field) => personFieldPath('coApplicant', field)),
    'coApplicant.relationship',
    'householdMembers',
  ];
  protected readonly members = this.form.controls.members;
  protected readonly maxMembers = MAX_MEMBERS;
  protected readonly today = todayInParis();
  protected readonly relationships = CO_APPLICANT_RELATIONSHIPS;
  protected readonly memberKinds = HOUSEHOLD_MEMBER_KINDS;
  protected readonly memberRelationships = HOUSEHOLD_RELATIONSHIPS;
  protected readonly labels = {
    coApplicant: CO_APPLICANT_RELATIONSHIP_LABELS,
    kind: HOUSEHOLD_MEMBER_KIND_LABELS,
    relationship: HOUSEHOLD_RELATIONSHIP_LABELS,
  };
  protected readonly communes = toSignal(this.api.communes().pipe(catchError(() => of([]))), {
    initialValue: [],
  });

  constructor() {
    super();
    this.fill(this.store.file());
  }

  protected coApplicantChanged(present: boolean): void {
    setCoApplicant(this.form, present);
  }

  protected add(kind: HouseholdMemberKind): void {
    if (this.members.length >= MAX_MEMBERS) return;
    this.members.push(memberForm(this.fb, { kind }));
  }

  protected remove(index: number): void {
    this.members.removeAt(index);
  }

  /** The expected birth date is required of an expected child only. */
  protected kindChanged(member: MemberForm): void {
    member.controls.expectedBirthDate.updateValueAndValidity();
  }

  protected memberMessage(index: number, field: string): string | null {
    return this.fieldMessage(`householdMembers.${index}.${field}`);
  }

  protected override request(file: ApplicantFileView | null): FileWrite | null {
    return this.update(this.patchOf(file, householdContent(this.form.getRawValue())));
  }

  protected override fill(file: ApplicantFileView | null): void {
    fillHousehold(this.fb, this.form, file);
  }
}
