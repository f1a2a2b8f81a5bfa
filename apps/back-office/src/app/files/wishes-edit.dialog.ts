import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
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
import { FilesApi } from './files-api.service';
import { FileStore } from './file-store';
import { buildMergePatch, isEmptyPatch } from './merge-patch';
import { errorMessage } from './validation';
import { WriteFailureComponent } from './write-failure.component';
import { fieldMessage, otherFieldMessages, type WriteFailure } from './write-outcome';

const FIELDS = ['wishes.typologies', 'wishes.communes', 'wishes.housingTypes', 'wishes.maxRent'];

function atMostCommunes(control: AbstractControl<string[]>): ValidationErrors | null {
  return (control.value ?? []).length > MAX_WISHED_COMMUNES ? { tooManyCommunes: true } : null;
}

/** « Souhaits »: typologies, up to eight communes, house or flat, maximum rent. */
@Component({
  selector: 'bo-wishes-edit-dialog',
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
    MatInput,
    MatSelect,
    MatOption,
    WriteFailureComponent,
  ],
  templateUrl: './wishes-edit.dialog.html',
  styleUrl: './file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WishesEditDialog {
  private readonly store = inject(FileStore);
  private readonly api = inject(FilesApi);
  private readonly ref = inject(MatDialogRef<WishesEditDialog>);

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
    maxRent: [null as number | null, [Validators.min(0), Validators.max(100000)]],
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
    const value = this.form.getRawValue();
    const patch = buildMergePatch(this.store.file() ?? {}, {
      wishes: {
        typologies: value.typologies,
        communes: value.communes,
        housingTypes: value.housingTypes,
        maxRent: value.maxRent,
      },
    });
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

  protected async reload(): Promise<void> {
    await this.store.reload();
    this.failure.set(null);
    this.fill(this.store.file());
  }

  private fill(file: ApplicantFileView | null): void {
    this.form.reset({
      typologies: file?.wishes?.typologies ?? [],
      communes: file?.wishes?.communes ?? [],
      housingTypes: file?.wishes?.housingTypes ?? [],
      maxRent: file?.wishes?.maxRent ?? null,
    });
  }
}
