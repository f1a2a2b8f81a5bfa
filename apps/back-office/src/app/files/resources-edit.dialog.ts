import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder } from '@angular/forms';
import {
  type ApplicantFileView,
  INCOME_TYPE_LABELS,
  INCOME_TYPES,
  type ReferenceTaxIncome,
} from '@passerelle/shared/domain';
import { FileEditDialog, type FileWrite } from './file-edit-dialog';
import { euros } from './file-format';
import {
  fillResources,
  householdPeople,
  type HouseholdPerson,
  incomeForm,
  monthlyTotal,
  resourcesContent,
  resourcesForm,
} from './resources-form';
import { EuroFieldComponent } from '../ui/euro-field.component';
import { RemovableRowComponent } from '../ui/removable-row.component';
import { WriteFailureComponent } from './write-failure.component';
import { FORM_DIALOG_KIT } from './form-dialog-kit';

/** At most as many incomes as the API keeps. */
const MAX_INCOMES = 60;

/** « Ressources »: monthly resources per person and type; reference tax income (N-2) per person. */
@Component({
  selector: 'bo-resources-edit-dialog',
  imports: [FORM_DIALOG_KIT, EuroFieldComponent, RemovableRowComponent, WriteFailureComponent],
  templateUrl: './resources-edit.dialog.html',
  styleUrl: './file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResourcesEditDialog extends FileEditDialog {
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = resourcesForm(this.fb);
  /** Tax incomes' refusals go to the summary: their lines are not the form's rows. */
  protected readonly fields = ['resources.incomes'];
  protected readonly incomes = this.form.controls.incomes;
  protected readonly taxIncomes = this.form.controls.taxIncomes;
  protected readonly incomeTypes = INCOME_TYPES;
  protected readonly incomeLabels = INCOME_TYPE_LABELS;
  protected readonly maxIncomes = MAX_INCOMES;
  protected readonly people = signal<readonly HouseholdPerson[]>([]);
  /** Tax incomes the form has no line for, sent back as they are. */
  private kept: ReferenceTaxIncome[] = [];

  constructor() {
    super();
    this.fill(this.store.file());
  }

  protected personLabel(ref: string): string {
    return this.people().find((person) => person.ref === ref)?.label ?? 'Personne retirée du ménage';
  }

  protected total(): string {
    return euros(monthlyTotal(this.form.getRawValue()));
  }

  protected add(): void {
    if (this.incomes.length < MAX_INCOMES) this.incomes.push(incomeForm(this.fb));
  }

  protected remove(index: number): void {
    this.incomes.removeAt(index);
  }

  protected lineMessage(
    list: 'incomes' | 'referenceTaxIncomes',
    index: number,
    field: string,
  ): string | null {
    return this.fieldMessage(`resources.${list}.${index}.${field}`);
  }

  protected override request(file: ApplicantFileView | null): FileWrite | null {
    return this.update(
      this.patchOf(file, { resources: resourcesContent(this.form.getRawValue(), this.kept) }),
    );
  }

  protected override fill(file: ApplicantFileView | null): void {
    const people = householdPeople(file);
    for (const income of file?.resources?.incomes ?? []) {
      if (!people.some((person) => person.ref === income.person)) {
        people.push({ ref: income.person, label: 'Personne retirée du ménage' });
      }
    }
    this.people.set(people);
    this.kept = fillResources(this.fb, this.form, file, householdPeople(file));
  }
}
