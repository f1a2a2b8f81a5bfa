import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  type OnInit,
  afterNextRender,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { SecondFactorChallenge, TotpEnrolment } from '@passerelle/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../auth.service';
import { LOGIN_MESSAGES, loginErrorMessage, secondFactorErrorMessage } from '../login-errors';
import { RecoveryCodesComponent } from './recovery-codes.component';
import { TotpEnrolmentComponent } from './totp-enrolment.component';

/**
 * The login page's second step, after a correct password: the code of the app or a recovery code;
 * or, when the account's role requires a second factor it has not, its enrolment, then the
 * recovery codes. Emits `signedIn` once the session is open and the codes were noted.
 */
@Component({
  selector: 'bo-second-factor-step',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatButton,
    TotpEnrolmentComponent,
    RecoveryCodesComponent,
  ],
  template: `
    @if (recoveryCodes(); as codes) {
      <bo-recovery-codes [codes]="codes" (done)="signedIn.emit()" />
    } @else if (challenge().secondFactor === 'ENROL') {
      <h2 class="step-title">Activez la double authentification</h2>
      <p>Votre rôle demande un second facteur : un code de votre téléphone en plus du mot de passe.</p>
      @if (enrolment(); as enrolment) {
        <bo-totp-enrolment
          [enrolment]="enrolment"
          [error]="error()"
          [pending]="pending()"
          (code)="send($event)"
        />
      } @else if (error(); as error) {
        <p class="message error" role="alert">{{ error }}</p>
      } @else {
        <p role="status">Préparation…</p>
      }
    } @else {
      <h2 class="step-title">Vérification en deux étapes</h2>
      <p class="step-lead">
        Saisissez le code à 6 chiffres de votre application d’authentification, ou l’un de vos codes de
        secours.
      </p>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>Code de vérification</mat-label>
          <input
            #codeInput
            matInput
            formControlName="code"
            autocomplete="one-time-code"
            autocapitalize="characters"
            spellcheck="false"
            required
          />
          @if (form.controls.code.hasError('required')) {
            <mat-error>Saisissez le code.</mat-error>
          }
        </mat-form-field>
        <div class="message-slot" role="alert">
          @if (error(); as error) {
            <p class="message error">{{ error }}</p>
          }
        </div>
        <button mat-flat-button type="submit" [attr.aria-busy]="pending() || null">
          {{ pending() ? 'Vérification…' : 'Valider' }}
        </button>
      </form>
    }
    @if (!recoveryCodes()) {
      <p><button mat-button type="button" (click)="restart.emit()">Recommencer la connexion</button></p>
    }
  `,
  styles: `
    .step-lead {
      margin: 0 0 1rem;
      font: var(--mat-sys-body-medium);
    }
    .step-title {
      font: var(--mat-sys-title-medium);
      margin: 0 0 0.75rem;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecondFactorStepComponent implements OnInit {
  private readonly auth = inject(AuthService);

  readonly challenge = input.required<SecondFactorChallenge>();
  readonly signedIn = output<void>();
  readonly restart = output<void>();

  protected readonly form = inject(NonNullableFormBuilder).group({ code: ['', Validators.required] });
  private readonly formDirective = viewChild(FormGroupDirective);
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');
  protected readonly enrolment = signal<TotpEnrolment | null>(null);
  protected readonly recoveryCodes = signal<readonly string[] | null>(null);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    afterNextRender(() => this.codeInput()?.nativeElement.focus());
  }

  ngOnInit(): void {
    if (this.challenge().secondFactor === 'ENROL') void this.startEnrolment();
  }

  private async startEnrolment(): Promise<void> {
    try {
      this.enrolment.set(await firstValueFrom(this.auth.enrolDuringSignIn(this.challenge().challenge)));
    } catch (error: unknown) {
      const message = loginErrorMessage(error);
      this.error.set(message === LOGIN_MESSAGES.badCredentials ? LOGIN_MESSAGES.challengeExpired : message);
    }
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    await this.send(this.form.controls.code.value.trim());
  }

  protected async send(code: string): Promise<void> {
    if (this.pending()) return;
    this.pending.set(true);
    this.error.set(null);
    try {
      const response = await firstValueFrom(
        this.auth.loginWithSecondFactor({ challenge: this.challenge().challenge, code }),
      );
      if (response.recoveryCodes) this.recoveryCodes.set(response.recoveryCodes);
      else this.signedIn.emit();
    } catch (error: unknown) {
      this.error.set(secondFactorErrorMessage(error));
      this.formDirective()?.resetForm({ code: '' });
      this.codeInput()?.nativeElement.focus();
    } finally {
      this.pending.set(false);
    }
  }
}
