import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { type ActivateAccountRequest, MIN_PASSWORD_LENGTH } from '@passerelle/shared/domain';
import { firstValueFrom } from 'rxjs';
import {
  ACTIVATION_MESSAGES,
  activationErrorMessage,
  type ActivationValues,
  passwordsMatch,
  passwordStrength,
} from './activation.form';

/** First sign-in: the user sets a password with the one-time code the coordinator handed over. */
@Component({
  selector: 'bo-activation-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatProgressBar,
  ],
  templateUrl: './activation.page.html',
  styleUrl: '../login/login.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivationPage {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      username: ['', Validators.required],
      activationCode: ['', Validators.required],
      password: ['', [Validators.required, passwordStrength]],
      confirmation: ['', Validators.required],
    },
    { validators: passwordsMatch },
  );
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    const value: ActivationValues = this.form.getRawValue();
    const body: ActivateAccountRequest = {
      username: value.username.trim(),
      activationCode: value.activationCode.trim(),
      password: value.password,
    };
    try {
      await firstValueFrom(this.http.post<void>('/api/auth/activate', body));
      await this.router.navigateByUrl('/connexion');
      // The login page is not ours to change: the confirmation rides along in a polite live region.
      this.snackBar.open(ACTIVATION_MESSAGES.done, 'OK', { duration: 15_000, politeness: 'polite' });
    } catch (error: unknown) {
      this.error.set(activationErrorMessage(error));
      this.form.patchValue({ password: '', confirmation: '' });
      this.form.controls.password.markAsUntouched();
      this.form.controls.confirmation.markAsUntouched();
    } finally {
      this.pending.set(false);
    }
  }
}
