import { normaliseUsername } from './rules';

describe('normaliseUsername', () => {
  it('gives every typed variant of a username one spelling', () => {
    for (const typed of [' orthez.accueil', 'orthez.accueil ', '\torthez.accueil\n', 'Orthez.ACCUEIL'])
      expect(normaliseUsername(typed)).toBe('orthez.accueil');
  });

  it('composes accents, whichever way they were typed', () => {
    const composed = 'h\u00e9l\u00e8ne';
    expect(normaliseUsername('he\u0301le\u0300ne')).toBe(composed);
    expect(normaliseUsername('H\u00c9L\u00c8NE')).toBe(composed);
    expect(normaliseUsername('HE\u0301LE\u0300NE')).toBe(composed);
  });

  it('keeps what is inside the name', () => {
    expect(normaliseUsername('a b')).toBe('a b');
    expect(normaliseUsername('   ')).toBe('');
  });
});
