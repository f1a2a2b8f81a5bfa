import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { HttpClient } from '@angular/common/http';
import { toSignal } from '@angular/core/rxjs-interop';
import type { SecondFactorChallenge, SignInMethods } from '@passerelle/shared/domain';
import { catchError, firstValueFrom, map, of } from 'rxjs';
import { AUTH_API } from '../api-paths';
import { AuthService, safeReturnUrl } from '../auth.service';
import { loginErrorMessage, SESSION_END_MESSAGES } from '../login-errors';
import { SecondFactorStepComponent } from '../second-factor/second-factor-step.component';

@Component({
  selector: 'bo-login-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatButton,
    SecondFactorStepComponent,
  ],
  templateUrl: './login.page.html',
  styleUrl: './login.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Where to go once signed in (`/connexion?retour=/dossiers/123`). */
  readonly retour = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  private readonly formDirective = viewChild(FormGroupDirective);
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('passwordInput');
  /** A correct password of an account with a second factor: its step replaces the form. */
  protected readonly challenge = signal<SecondFactorChallenge | null>(null);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly proconnectLogin = AUTH_API.proconnectLogin;
  /** « S’identifier avec ProConnect » when the server offers it (OIDC_ISSUER). */
  protected readonly proconnect = toSignal(
    inject(HttpClient)
      .get<SignInMethods>(AUTH_API.methods)
      .pipe(
        map((methods) => methods.proconnect),
        catchError(() => of(false)),
      ),
    { initialValue: false },
  );
  protected readonly notice = computed(() => {
    const end = this.auth.sessionEnd();
    return end && !this.error() ? SESSION_END_MESSAGES[end] : null;
  });

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      const { username, password } = this.form.getRawValue();
      const outcome = await firstValueFrom(this.auth.login({ username: username.trim(), password }));
      if ('challenge' in outcome) this.challenge.set(outcome);
      else await this.signedIn();
    } catch (error: unknown) {
      this.error.set(loginErrorMessage(error));
      // Clear the password without flagging the emptied field as an input error, and put the
      // cursor back where the user must type.
      this.formDirective()?.resetForm({ username: this.form.controls.username.value, password: '' });
      this.passwordInput()?.nativeElement.focus();
    } finally {
      this.pending.set(false);
    }
  }

  protected async signedIn(): Promise<void> {
    await this.router.navigateByUrl(safeReturnUrl(this.retour()));
  }

  /** Back to the password (a challenge expired, or another account). */
  protected restart(): void {
    this.challenge.set(null);
    this.form.controls.password.reset('');
  }
}
