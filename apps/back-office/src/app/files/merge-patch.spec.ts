import { buildMergePatch, isEmptyPatch } from './merge-patch';

describe('buildMergePatch', () => {
  it('sends only the changed scalars', () => {
    const before = { applicant: { lastName: 'Dupré', firstNames: 'Hélène', birthDate: '1980-02-29' } };
    const after = { applicant: { lastName: 'Dupré-Ménard', firstNames: 'Hélène', birthDate: '1980-02-29' } };
    expect(buildMergePatch(before, after)).toEqual({ applicant: { lastName: 'Dupré-Ménard' } });
  });

  it('clears an emptied field with null, and leaves an empty one alone', () => {
    const before = { applicant: { phone: '0559000000', email: undefined } };
    const after = { applicant: { phone: '', email: '' } };
    expect(buildMergePatch(before, after)).toEqual({ applicant: { phone: null } });
  });

  it('replaces arrays as a whole', () => {
    const before = { wishes: { typologies: ['T2', 'T3'], communes: ['64410'] } };
    const after = { wishes: { typologies: ['T3'], communes: ['64410'] } };
    expect(buildMergePatch(before, after)).toEqual({ wishes: { typologies: ['T3'] } });
  });

  it('creates a section that did not exist, without its empty fields', () => {
    expect(buildMergePatch({}, { contact: { phone: '0559000000', email: '' } })).toEqual({
      contact: { phone: '0559000000' },
    });
  });

  it('answers an empty patch when nothing changed', () => {
    const file = { applicant: { lastName: 'Martin' }, wishes: { typologies: ['T2'] } };
    expect(isEmptyPatch(buildMergePatch(file, JSON.parse(JSON.stringify(file)) as typeof file))).toBe(true);
  });

  it('ignores keys the form does not hold', () => {
    expect(
      buildMergePatch({ applicant: { lastName: 'A', usageName: 'B' } }, { applicant: { lastName: 'A' } }),
    ).toEqual({});
  });
});
