import { editDistance, looksLikeSamePerson } from './duplicates';

const person = (lastName: string, firstNames: string, birthDate = '1980-02-03', usageName?: string) => ({
  lastName,
  firstNames,
  birthDate,
  usageName,
});

describe('duplicates', () => {
  it('measures edit distance', () => {
    expect(editDistance('etcheverry', 'etcheverri')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('matches the same person despite accents, case, a typo or a usage name', () => {
    expect(looksLikeSamePerson(person('Dupré-Ménard', 'Marie'), person('DUPRE MENARD', 'marie anne'))).toBe(
      true,
    );
    expect(looksLikeSamePerson(person('Etcheverry', 'Iñaki'), person('Etcheverri', 'Inaki'))).toBe(true);
    expect(
      looksLikeSamePerson(
        person('Lacoste', 'Sylvie'),
        person('Bordenave', 'Sylvie', '1980-02-03', 'Lacoste'),
      ),
    ).toBe(true);
  });

  it('keeps apart other birth dates, other names and twins', () => {
    expect(looksLikeSamePerson(person('Lacoste', 'Sylvie'), person('Lacoste', 'Sylvie', '1980-02-04'))).toBe(
      false,
    );
    expect(looksLikeSamePerson(person('Lacoste', 'Sylvie'), person('Casenave', 'Sylvie'))).toBe(false);
    expect(looksLikeSamePerson(person('Lacoste', 'Paul'), person('Lacoste', 'Pierre'))).toBe(false);
  });
});
