import { allNameWords, looksLikeSneNumber, nameWords } from './names';

describe('name words', () => {
  it('splits on hyphens and apostrophes and drops accents and case', () => {
    expect(nameWords('Dupré-Ménard')).toEqual(['dupre', 'menard']);
    expect(nameWords("L'Hôpital")).toEqual(['l', 'hopital']);
    expect(nameWords('  ÉTCHEVERRY  Iñaki ')).toEqual(['etcheverry', 'inaki']);
    expect(nameWords('Œuvray Straße')).toEqual(['oeuvray', 'strasse']);
  });

  it('merges the words of several names without repeats', () => {
    expect(allNameWords('Lacoste', 'Lacoste-Bordenave', undefined, 'Marie Anne')).toEqual([
      'lacoste',
      'bordenave',
      'marie',
      'anne',
    ]);
  });

  it('recognises an SNE number but not a name', () => {
    expect(looksLikeSneNumber('0640219012345')).toBe(true);
    expect(looksLikeSneNumber('06402190')).toBe(true);
    expect(looksLikeSneNumber('dupre')).toBe(false);
    expect(looksLikeSneNumber('064')).toBe(false);
  });
});
