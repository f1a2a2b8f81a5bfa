import { fieldLabel, FILE_FIELD_LABELS } from './field-labels';
import { completenessOf } from './file/completeness';

describe('fieldLabel', () => {
  it('names the fields of the applicant and the co-applicant apart', () => {
    expect(fieldLabel('applicant.lastName')).toBe('Nom de naissance du demandeur');
    expect(fieldLabel('coApplicant.birthDate')).toBe('Date de naissance du co-demandeur');
    expect(fieldLabel('applicant.residencePermit.validUntil')).toBe(
      'Fin de validité du titre de séjour du demandeur',
    );
  });

  it('says which line of a list a field belongs to, counting from one', () => {
    expect(fieldLabel('householdMembers.1.birthDate')).toBe('Date de naissance (personne du ménage n° 2)');
    expect(fieldLabel('resources.incomes.0.monthlyAmount')).toBe('Montant mensuel (ressource n° 1)');
    expect(fieldLabel('wishes.communes.3')).toBe('Communes souhaitées (n° 4)');
  });

  it('falls back on the nearest known parent, never on the path', () => {
    expect(fieldLabel('contact.address.country')).toBe('Adresse actuelle');
    expect(fieldLabel('somethingElse')).toBe('Une information');
    expect(fieldLabel('scheduledOn', { scheduledOn: 'Date du rendez-vous' })).toBe('Date du rendez-vous');
  });

  it('uses the completeness labels for the fields completeness names', () => {
    const { instruction } = completenessOf({
      applicant: { lastName: '', firstNames: '', birthDate: '' },
      coApplicant: { lastName: 'A', firstNames: 'B', birthDate: '1990-01-01' },
      currentHousing: { status: 'PRIVATE_TENANT' },
    });
    for (const item of instruction.missing) {
      if (item.field === 'contact.phone') continue; // « Téléphone ou courriel »: both are missing
      expect(FILE_FIELD_LABELS[item.field]).toBe(item.label);
    }
  });
});
