import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import type { RecoveryCodes, SecondFactorStatus, TotpEnrolment } from '@passerelle/shared/domain';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage } from '../../ui/api-error';
import { AUTH_API } from '../api-paths';
import { LOGIN_MESSAGES, tooManyAttemptsMessage } from '../login-errors';
import { RecoveryCodesComponent } from './recovery-codes.component';
import { TotpEnrolmentComponent } from './totp-enrolment.component';

/** The signed-in user's second factor: its state, and its enrolment when the user chooses it. */
@Component({
  selector: 'bo-second-factor-page',
  imports: [MatButton, TotpEnrolmentComponent, RecoveryCodesComponent],
  template: `
    <h1>Double authentification</h1>
    @if (recoveryCodes(); as codes) {
      <bo-recovery-codes [codes]="codes" (done)="finish()" />
    } @else if (enrolment(); as enrolment) {
      <bo-totp-enrolment
        [enrolment]="enrolment"
        [error]="error()"
        [pending]="pending()"
        (code)="confirm($event)"
      />
    } @else if (status.hasValue()) {
      @let state = status.value();
      @if (state.enrolled) {
        <p role="status" class="message notice">
          La double authentification est activée : chaque connexion demande un code de votre application après
          le mot de passe. Codes de secours restants : {{ state.recoveryCodesLeft }}.
        </p>
        <p>
          Téléphone perdu ou changé ? Demandez à la coordination de la CCLO de réinitialiser votre double
          authentification, puis activez-la de nouveau.
        </p>
      } @else {
        <p>
          Protégez votre compte : en plus du mot de passe, chaque connexion demandera un code à 6 chiffres
          affiché par une application de votre téléphone. Vous recevrez aussi dix codes de secours.
          @if (state.required) {
            <strong>Votre rôle l’exige.</strong>
          }
        </p>
        <div role="alert">
          @if (error(); as error) {
            <p class="message error">{{ error }}</p>
          }
        </div>
        <button mat-flat-button type="button" [disabled]="pending()" (click)="start()">
          Activer la double authentification
        </button>
      }
    } @else if (status.error()) {
      <p class="message error" role="alert">L’état de la double authentification n’a pas pu être chargé.</p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecondFactorPage {
  private readonly http = inject(HttpClient);

  protected readonly status = rxResource({
    stream: () => this.http.get<SecondFactorStatus>(AUTH_API.secondFactor),
  });
  protected readonly enrolment = signal<TotpEnrolment | null>(null);
  protected readonly recoveryCodes = signal<readonly string[] | null>(null);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async start(): Promise<void> {
    await this.run(async () => {
      this.enrolment.set(
        await firstValueFrom(this.http.post<TotpEnrolment>(AUTH_API.secondFactorEnrolment, null)),
      );
    }, 'L’activation');
  }

  protected async confirm(code: string): Promise<void> {
    await this.run(async () => {
      const answer = await firstValueFrom(
        this.http.post<RecoveryCodes>(AUTH_API.secondFactorEnrolmentConfirm, { code }),
      );
      this.enrolment.set(null);
      this.recoveryCodes.set(answer.recoveryCodes);
    }, 'L’activation');
  }

  protected finish(): void {
    this.recoveryCodes.set(null);
    this.status.reload();
  }

  private async run(work: () => Promise<void>, what: string): Promise<void> {
    if (this.pending()) return;
    this.pending.set(true);
    this.error.set(null);
    try {
      await work();
    } catch (error: unknown) {
      this.error.set(
        error instanceof HttpErrorResponse && error.status === 400
          ? LOGIN_MESSAGES.badEnrolmentCode
          : error instanceof HttpErrorResponse && error.status === 429
            ? tooManyAttemptsMessage(error)
            : apiErrorMessage(error, what),
      );
    } finally {
      this.pending.set(false);
    }
  }
}
