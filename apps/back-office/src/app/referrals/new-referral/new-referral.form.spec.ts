import { FormControl } from '@angular/forms';
import { birthDateValidator, notBlank, phoneValidator } from './new-referral.form';

const control = (value: string) => new FormControl(value, { nonNullable: true });

describe('new referral form rules', () => {
  const birthDate = birthDateValidator(() => '2026-11-26');

  it('accepts a past birth date and an empty one (required is another rule)', () => {
    expect(birthDate(control('1980-02-29'))).toBeNull();
    expect(birthDate(control(''))).toBeNull();
    expect(birthDate(control('2026-11-26'))).toBeNull();
  });

  it('refuses a day that does not exist, and a date in the future', () => {
    expect(birthDate(control('1981-02-29'))).toEqual({ birthDate: true });
    expect(birthDate(control('1850-01-01'))).toEqual({ birthDate: true });
    expect(birthDate(control('2026-11-27'))).toEqual({ futureBirthDate: true });
  });

  it('accepts French phone numbers as people write them', () => {
    for (const phone of ['05 59 00 00 00', '0559000000', '06.12.34.56.78', '+33 5 59 00 00 00', '']) {
      expect(phoneValidator(control(phone))).toBeNull();
    }
  });

  it('refuses what is not a phone number', () => {
    for (const phone of ['12345', '05 59 00 00 00 00 00 00 00', 'appeler la mairie']) {
      expect(phoneValidator(control(phone))).toEqual({ phone: true });
    }
  });

  it('treats spaces alone as empty', () => {
    expect(notBlank(control('   '))).toEqual({ required: true });
    expect(notBlank(control(' Besoin d’un T2 '))).toBeNull();
  });
});
