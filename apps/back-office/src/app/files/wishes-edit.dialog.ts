import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import {
  type ApplicantFileView,
  HOUSING_TYPE_LABELS,
  HOUSING_TYPES,
  type HousingType,
  MAX_WISHED_COMMUNES,
  type Typology,
  TYPOLOGIES,
  TYPOLOGY_LABELS,
} from '@passerelle/shared/domain';
import { catchError, of } from 'rxjs';
import { FileEditDialog, type FileWrite } from './file-edit-dialog';
import { cents } from './validation';
import { WriteFailureComponent } from './write-failure.component';
import { FORM_DIALOG_KIT } from './form-dialog-kit';

const FIELDS = ['wishes.typologies', 'wishes.communes', 'wishes.housingTypes', 'wishes.maxRent'];

function atMostCommunes(control: AbstractControl<string[]>): ValidationErrors | null {
  return (control.value ?? []).length > MAX_WISHED_COMMUNES ? { tooManyCommunes: true } : null;
}

/** « Souhaits »: typologies, up to eight communes, house or flat, maximum rent. */
@Component({
  selector: 'bo-wishes-edit-dialog',
  imports: [FORM_DIALOG_KIT, WriteFailureComponent],
  templateUrl: './wishes-edit.dialog.html',
  styleUrl: './file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WishesEditDialog extends FileEditDialog {
  protected readonly fields = FIELDS;
  protected readonly typologies = TYPOLOGIES;
  protected readonly typologyLabels = TYPOLOGY_LABELS;
  protected readonly housingTypes = HOUSING_TYPES;
  protected readonly housingTypeLabels = HOUSING_TYPE_LABELS;
  protected readonly maxCommunes = MAX_WISHED_COMMUNES;
  protected readonly communes = toSignal(this.api.communes().pipe(catchError(() => of([]))), {
    initialValue: [],
  });

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    typologies: this.fb.control<Typology[]>([]),
    communes: this.fb.control<string[]>([], atMostCommunes),
    housingTypes: this.fb.control<HousingType[]>([]),
    maxRent: [null as number | null, [Validators.min(0), Validators.max(20000), cents]],
  });

  constructor() {
    super();
    this.fill(this.store.file());
  }

  protected override request(file: ApplicantFileView | null): FileWrite | null {
    const value = this.form.getRawValue();
    return this.update(
      this.patchOf(file, {
        wishes: {
          typologies: value.typologies,
          communes: value.communes,
          housingTypes: value.housingTypes,
          maxRent: value.maxRent,
        },
      }),
    );
  }

  protected override fill(file: ApplicantFileView | null): void {
    this.form.reset({
      typologies: file?.wishes?.typologies ?? [],
      communes: file?.wishes?.communes ?? [],
      housingTypes: file?.wishes?.housingTypes ?? [],
      maxRent: file?.wishes?.maxRent ?? null,
    });
  }
}
