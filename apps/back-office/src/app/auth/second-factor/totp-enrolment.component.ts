import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { inject } from '@angular/core';
import { SECOND_FACTOR, type TotpEnrolment } from '@passerelle/shared/domain';

/** A new secret to put in an authenticator app (QR code, or the key typed), then its first code. */
@Component({
  selector: 'bo-totp-enrolment',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton],
  template: `
    <ol class="steps">
      <li>
        Ouvrez une application d’authentification sur votre téléphone (par exemple FreeOTP, Aegis, Microsoft
        Authenticator ou Google Authenticator) et scannez ce QR code.
        <img
          class="qr"
          [src]="enrolment().qrCode"
          width="240"
          height="240"
          alt="QR code à scanner avec l’application d’authentification"
        />
        Ou saisissez cette clé dans l’application :
        <code class="secret" data-testid="totp-secret" [attr.aria-label]="'Clé : ' + spokenSecret()">{{
          groupedSecret()
        }}</code>
      </li>
      <li>Saisissez le code à {{ digits }} chiffres que l’application affiche.</li>
    </ol>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field appearance="outline">
        <mat-label>Code de l’application</mat-label>
        <input
          matInput
          formControlName="code"
          autocomplete="one-time-code"
          inputmode="numeric"
          [attr.maxlength]="digits"
          required
        />
        <mat-hint>{{ digits }} chiffres, renouvelés toutes les {{ period }} secondes</mat-hint>
        @if (form.controls.code.invalid) {
          <mat-error>Saisissez les {{ digits }} chiffres affichés par l’application.</mat-error>
        }
      </mat-form-field>
      <div class="message-slot" role="alert">
        @if (error(); as error) {
          <p class="message error">{{ error }}</p>
        }
      </div>
      <button mat-flat-button type="submit" [attr.aria-busy]="pending() || null">
        {{ pending() ? 'Vérification…' : 'Activer la double authentification' }}
      </button>
    </form>
  `,
  styles: `
    .steps {
      padding-left: 1.25rem;
    }
    .steps li {
      margin-bottom: 0.75rem;
    }
    .qr {
      display: block;
      margin: 0.75rem 0;
      background: #fff;
    }
    .secret {
      display: block;
      margin-top: 0.25rem;
      font-size: 1.05rem;
      letter-spacing: 0.05em;
      word-break: break-all;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TotpEnrolmentComponent {
  readonly enrolment = input.required<TotpEnrolment>();
  readonly error = input<string | null>(null);
  readonly pending = input(false);
  readonly code = output<string>();

  protected readonly digits = SECOND_FACTOR.digits;
  protected readonly period = SECOND_FACTOR.periodSeconds;
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [
      '',
      [Validators.required, Validators.pattern(new RegExp(`^\\s*\\d{${SECOND_FACTOR.digits}}\\s*$`))],
    ],
  });
  /** Four letters at a time, easier to copy. */
  protected readonly groupedSecret = computed(() => this.enrolment().secret.replace(/(.{4})(?=.)/g, '$1 '));
  protected readonly spokenSecret = computed(() => this.enrolment().secret.split('').join(' '));

  protected submit(): void {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.code.emit(this.form.controls.code.value.trim());
    this.form.reset();
  }
}
