import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { WriteFailure } from './write-outcome';

/** Why a write failed; on a stale file, the way out: reload, never overwrite. */
@Component({
  selector: 'bo-write-failure',
  imports: [MatButton],
  template: `
    <div class="failure" role="alert">
      <p>
        <strong>{{ failure().message }}</strong>
      </p>
      @if (failure().kind === 'stale') {
        <p>{{ staleAdvice }}</p>
      }
      @if (failure().kind !== 'stale' && details().length > 0) {
        <ul>
          @for (detail of details(); track $index) {
            <li>{{ detail }}</li>
          }
        </ul>
      }
      @if (failure().kind === 'stale') {
        <button mat-flat-button type="button" (click)="reload.emit()">Recharger</button>
      }
    </div>
  `,
  styles: `
    .failure {
      margin-bottom: 1rem;
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    p {
      margin: 0 0 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WriteFailureComponent {
  readonly failure = input.required<WriteFailure>();
  /** Lines to list under the message (the API's details not shown next to a field). */
  readonly details = input<readonly string[]>([]);
  readonly reload = output();
  protected readonly staleAdvice =
    "Vos modifications n'ont pas été enregistrées : rechargez le dossier pour voir sa version actuelle, puis refaites-les si besoin.";
}
