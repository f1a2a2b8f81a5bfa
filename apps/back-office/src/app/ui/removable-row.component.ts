import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';

/**
 * One row of a list the user builds (incomes, household members): its fields, projected with their
 * legend first, then « Retirer ». The host is the row's own `<fieldset>`, styled by its form.
 */
@Component({
  // An attribute of the row's own <fieldset>, so that the row keeps its fieldset and legend semantics.
  // eslint-disable-next-line @angular-eslint/component-selector
  selector: 'fieldset[boRemovableRow]',
  imports: [MatButton],
  template: `
    <ng-content />
    <button mat-button type="button" (click)="removed.emit()" [attr.aria-label]="removeLabel()">
      Retirer
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RemovableRowComponent {
  /** « Retirer la ressource n° 2 »: says which row. */
  readonly removeLabel = input.required<string>();
  readonly removed = output();
}
