import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder } from '@angular/forms';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatSuffix } from '@angular/material/form-field';
import {
  type ApplicantFileView,
  HOUSING_STATUS_LABELS,
  HOUSING_STATUSES,
  HOUSING_TYPE_LABELS,
  HOUSING_TYPES,
  type Reason,
  REASON_LABELS,
  REASONS,
} from '@passerelle/shared/domain';
import { FileEditDialog, type FileWrite } from './file-edit-dialog';
import { housingContent, housingForm, housingFormValue, mainReasonAfter } from './housing-form';
import { EuroFieldComponent } from '../ui/euro-field.component';
import { WriteFailureComponent } from './write-failure.component';
import { FORM_DIALOG_KIT } from './form-dialog-kit';
import { todayInParis } from './file-format';

/** « Logement actuel »: the current housing and the reasons of the demand, one of them the main one. */
@Component({
  selector: 'bo-housing-edit-dialog',
  imports: [
    FORM_DIALOG_KIT,
    MatSuffix,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    EuroFieldComponent,
    WriteFailureComponent,
  ],
  templateUrl: './housing-edit.dialog.html',
  styleUrl: './file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HousingEditDialog extends FileEditDialog {
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = housingForm(this.fb);
  protected readonly fields = ['currentHousing', 'reasons'];
  protected readonly today = todayInParis();
  protected readonly statuses = HOUSING_STATUSES;
  protected readonly types = HOUSING_TYPES;
  protected readonly reasons = REASONS;
  protected readonly labels = {
    status: HOUSING_STATUS_LABELS,
    type: HOUSING_TYPE_LABELS,
    reason: REASON_LABELS,
  };

  constructor() {
    super();
    this.fill(this.store.file());
  }

  /** The main reason stays one of the reasons chosen. */
  protected reasonsChanged(reasons: Reason[]): void {
    const main = this.form.controls.mainReason;
    main.setValue(mainReasonAfter(reasons, main.value));
  }

  protected override request(file: ApplicantFileView | null): FileWrite | null {
    return this.update(this.patchOf(file, housingContent(this.form.getRawValue())));
  }

  protected override fill(file: ApplicantFileView | null): void {
    this.form.reset(housingFormValue(file));
  }
}
