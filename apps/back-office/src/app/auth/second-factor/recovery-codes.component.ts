import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterNextRender,
  input,
  output,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';

/** The ten recovery codes, shown once, right after an enrolment. */
@Component({
  selector: 'bo-recovery-codes',
  imports: [MatButton],
  template: `
    <section #panel class="codes" tabindex="-1" role="alert" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Vos codes de secours</h2>
      <p>
        <strong>Notez ces codes maintenant : ils ne seront plus jamais affichés.</strong> Gardez-les à l’écart
        de votre téléphone. Si vous n’avez plus votre application, chaque code remplace une fois le code à 6
        chiffres.
      </p>
      <ol aria-label="Codes de secours">
        @for (code of codes(); track code) {
          <li>
            <code>{{ code }}</code>
          </li>
        }
      </ol>
      <button mat-flat-button type="button" (click)="done.emit()">J’ai noté mes codes</button>
    </section>
  `,
  styles: `
    ol {
      columns: 2;
      padding-left: 1.5rem;
    }
    code {
      font-size: 1.05rem;
      letter-spacing: 0.05em;
    }
    .codes:focus {
      outline: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecoveryCodesComponent {
  readonly codes = input.required<readonly string[]>();
  readonly done = output<void>();
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');

  constructor() {
    afterNextRender(() => this.panel().nativeElement.focus());
  }
}
