import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';

/**
 * The end of an inline form: why it was refused, then submit and cancel. Placed inside the `<form>`,
 * so that its submit button submits it.
 */
@Component({
  selector: 'bo-form-actions',
  imports: [MatButton],
  template: `
    <div role="alert">
      @if (error(); as error) {
        <p class="message error">{{ error }}</p>
      }
    </div>
    <div class="actions">
      <button mat-flat-button type="submit" [disabled]="busy()" [attr.aria-busy]="busy() || null">
        {{ busy() ? busyLabel() : submitLabel() }}
      </button>
      <button mat-stroked-button type="button" (click)="cancelled.emit()">Annuler</button>
    </div>
  `,
  styleUrl: './form-actions.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormActionsComponent {
  readonly error = input<string | null>(null);
  readonly busy = input(false);
  /** « Créer le compte » */
  readonly submitLabel = input.required<string>();
  /** « Création… » */
  readonly busyLabel = input.required<string>();
  readonly cancelled = output();
}
