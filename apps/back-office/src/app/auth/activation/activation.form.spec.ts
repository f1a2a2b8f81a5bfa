import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import {
  ACTIVATION_MESSAGES,
  activationErrorMessage,
  passwordsMatch,
  passwordStrength,
} from './activation.form';

const control = (value: string) => new FormControl(value, { nonNullable: true });

function form(password: string, confirmation: string) {
  return new FormGroup(
    {
      username: new FormControl('artix.relais', { nonNullable: true }),
      activationCode: new FormControl('ABCD-EFGH', { nonNullable: true }),
      password: new FormControl(password, { nonNullable: true, validators: passwordStrength }),
      confirmation: new FormControl(confirmation, { nonNullable: true }),
    },
    { validators: passwordsMatch },
  );
}

describe('activation form rules', () => {
  it('wants at least 12 characters', () => {
    expect(passwordStrength(control('court'))).toEqual({ tooShort: { min: 12, actual: 5 } });
    expect(passwordStrength(control('douze-caract'))).toBeNull();
    expect(passwordStrength(control('            '))).toEqual({ blank: true });
    expect(passwordStrength(control(''))).toBeNull();
  });

  it('wants the same password twice, and says so on the confirmation field', () => {
    const mismatched = form('un mot de passe long', 'un autre mot de passe');
    expect(mismatched.valid).toBe(false);
    expect(mismatched.controls.confirmation.hasError('mismatch')).toBe(true);

    mismatched.controls.confirmation.setValue('un mot de passe long');
    expect(mismatched.valid).toBe(true);
    expect(mismatched.controls.confirmation.errors).toBeNull();
  });

  it('says in French why the activation failed', () => {
    expect(activationErrorMessage(new HttpErrorResponse({ status: 400 }))).toBe(ACTIVATION_MESSAGES.invalid);
    expect(activationErrorMessage(new HttpErrorResponse({ status: 429 }))).toBe(
      'Trop de tentatives. Réessayez dans quelques minutes.',
    );
    expect(
      activationErrorMessage(
        new HttpErrorResponse({ status: 429, headers: new HttpHeaders({ 'Retry-After': '600' }) }),
      ),
    ).toBe('Trop de tentatives. Réessayez dans 10 minutes.');
    expect(activationErrorMessage(new HttpErrorResponse({ status: 0 }))).toBe(
      ACTIVATION_MESSAGES.unreachable,
    );
    expect(activationErrorMessage(new Error('boom'))).toBe(ACTIVATION_MESSAGES.unexpected);
  });
});
