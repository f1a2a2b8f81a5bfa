import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  CIVILITIES,
  CIVILITY_LABELS,
  type CommuneView,
  FAMILY_SITUATION_LABELS,
  FAMILY_SITUATIONS,
  NATIONALITIES,
  NATIONALITY_LABELS,
  PROFESSIONAL_SITUATION_LABELS,
  PROFESSIONAL_SITUATIONS,
} from '@passerelle/shared/domain';
import { PERSON_FIELDS, type PersonField, personFieldPath, type PersonForm } from './person-form';
import { errorMessage } from './validation';
import { fieldMessage, type WriteFailure } from './write-outcome';
import { todayInParis } from './file-format';

/**
 * The fields of a person, shared by the creation page, the identity dialog (the applicant) and the
 * household dialog (the co-applicant). Its fields sit in the parent's layout (`display: contents`).
 */
@Component({
  selector: 'bo-person-fields',
  imports: [
    ReactiveFormsModule,
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
  templateUrl: './person-fields.component.html',
  styleUrl: './form-fields.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonFieldsComponent {
  readonly group = input.required<PersonForm>();
  /** `applicant` or `coApplicant`: where the API's refusals are read. */
  readonly path = input.required<string>();
  readonly failure = input<WriteFailure | null>(null);
  /** The fields to show, the others stay as they are. */
  readonly show = input<readonly PersonField[]>(PERSON_FIELDS);
  /** For the employer's commune. */
  readonly communes = input<readonly CommuneView[]>([]);

  protected readonly shown = computed(() => new Set(this.show()));
  protected readonly today = todayInParis();
  protected readonly civilities = CIVILITIES;
  protected readonly nationalities = NATIONALITIES;
  protected readonly familySituations = FAMILY_SITUATIONS;
  protected readonly professionalSituations = PROFESSIONAL_SITUATIONS;
  protected readonly labels = {
    civility: CIVILITY_LABELS,
    nationality: NATIONALITY_LABELS,
    family: FAMILY_SITUATION_LABELS,
    professional: PROFESSIONAL_SITUATION_LABELS,
  };
  protected readonly errorMessage = errorMessage;

  protected apiMessage(field: PersonField): string | null {
    return fieldMessage(this.failure(), personFieldPath(this.path(), field));
  }

  /** A residence permit is asked of people from outside the European Union only. */
  protected nationalityChosen(): void {
    const group = this.group();
    if (group.controls.nationality.value !== 'NON_EU') {
      group.patchValue({ permitKind: '', permitValidUntil: null });
    }
  }
}
