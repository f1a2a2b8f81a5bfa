import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { MIN_PASSWORD_LENGTH } from '@passerelle/shared/domain';
import { UNAVAILABLE_MESSAGE } from '../../ui/api-error';
import { tooManyAttemptsMessage } from '../login-errors';

export interface ActivationValues {
  username: string;
  activationCode: string;
  password: string;
  confirmation: string;
}

/** At least MIN_PASSWORD_LENGTH characters, and not only spaces. */
export function passwordStrength(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value ?? '';
  if (!value) return null;
  if (value.length < MIN_PASSWORD_LENGTH)
    return { tooShort: { min: MIN_PASSWORD_LENGTH, actual: value.length } };
  if (value.trim() === '') return { blank: true };
  return null;
}

/** The two passwords must be the same; the error sits on the confirmation field. */
export function passwordsMatch(group: AbstractControl<ActivationValues>): ValidationErrors | null {
  const confirmation = group.get('confirmation');
  const { password, confirmation: value } = group.value;
  const mismatch = !!password && !!value && password !== value;
  if (confirmation) {
    const errors = { ...(confirmation.errors ?? {}) };
    if (mismatch) errors['mismatch'] = true;
    else delete errors['mismatch'];
    confirmation.setErrors(Object.keys(errors).length ? errors : null, { emitEvent: false });
  }
  return mismatch ? { mismatch: true } : null;
}

export const ACTIVATION_MESSAGES = {
  done: 'Votre compte est activé. Connectez-vous avec votre identifiant et votre nouveau mot de passe.',
  invalid:
    'Identifiant ou code d’activation incorrect, ou code expiré. Vérifiez le code, ou demandez-en un nouveau à la coordination de la CCLO.',
  unreachable: 'Le serveur Passerelle ne répond pas. Vérifiez votre connexion au réseau, puis réessayez.',
  unavailable: UNAVAILABLE_MESSAGE,
  unexpected: 'L’activation a échoué à cause d’une erreur inattendue. Réessayez dans quelques instants.',
} as const;

export function activationErrorMessage(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) return ACTIVATION_MESSAGES.unexpected;
  switch (error.status) {
    case HttpStatusCode.BadRequest:
    case HttpStatusCode.Unauthorized:
    case HttpStatusCode.NotFound:
    case HttpStatusCode.Conflict:
      return ACTIVATION_MESSAGES.invalid;
    case HttpStatusCode.TooManyRequests:
      return tooManyAttemptsMessage(error);
    case 0:
    case HttpStatusCode.BadGateway:
    case HttpStatusCode.GatewayTimeout:
      return ACTIVATION_MESSAGES.unreachable;
    case HttpStatusCode.ServiceUnavailable:
      return ACTIVATION_MESSAGES.unavailable;
    default:
      return ACTIVATION_MESSAGES.unexpected;
  }
}
