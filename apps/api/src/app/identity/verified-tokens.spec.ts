import { VerifiedTokens } from './verified-tokens';

const claims = (exp: number) => ({ sub: 'u', sid: 's', exp });

describe('VerifiedTokens', () => {
  it('gives back the claims of a verified token until the second it expires', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('a.b.c', claims(1_000));
    expect(tokens.get('a.b.c', 999_999)).toEqual(claims(1_000));
    expect(tokens.get('a.b.c', 1_000_000)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('knows nothing of a token it was not given', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('a.b.c', claims(1_000));
    expect(tokens.get('a.b.d', 0)).toBeUndefined();
  });

  it('forgets the oldest token past its capacity', () => {
    const tokens = new VerifiedTokens(2);
    tokens.remember('one', claims(10));
    tokens.remember('two', claims(10));
    tokens.remember('two', claims(10));
    expect(tokens.size).toBe(2);
    tokens.remember('three', claims(10));
    expect(tokens.size).toBe(2);
    expect(tokens.get('one', 0)).toBeUndefined();
    expect(tokens.get('two', 0)).toBeDefined();
    expect(tokens.get('three', 0)).toBeDefined();
  });
});
