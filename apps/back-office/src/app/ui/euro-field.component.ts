import { booleanAttribute, ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { euros } from '../files/file-format';
import { errorMessage } from '../files/validation';

/**
 * An amount in euros: the number typed, and under it as it will read (« 1 234,50 € »), unless the
 * API refused it. It sits in the parent's layout (`display: contents`).
 */
@Component({
  selector: 'bo-euro-field',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatError, MatHint, MatSuffix, MatInput],
  template: `
    @let amount = control();
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <input matInput type="number" min="0" [step]="step()" [formControl]="amount" [required]="required()" />
      <span matTextSuffix>€</span>
      @if (amount.invalid) {
        <mat-error>{{ errorMessage(amount, errorLabel() ?? label()) }}</mat-error>
      }
      @if (apiMessage(); as message) {
        <mat-hint class="api-error">{{ message }}</mat-hint>
      } @else {
        <mat-hint>{{ euros(amount.value) || emptyHint() }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
    .api-error {
      color: var(--mat-sys-error);
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EuroFieldComponent {
  readonly control = input.required<FormControl<number | null>>();
  readonly label = input.required<string>();
  /** How its errors name it, when shorter than its label. */
  readonly errorLabel = input<string>();
  /** The API's refusal of this field, if any. */
  readonly apiMessage = input<string | null>(null);
  /** Cents by default. */
  readonly step = input('0.01');
  readonly required = input(false, { transform: booleanAttribute });
  /** The hint while it is empty. */
  readonly emptyHint = input('');

  protected readonly euros = (value: number | null) => euros(value);
  protected readonly errorMessage = errorMessage;
}
