import { SECOND_FACTOR } from '@passerelle/shared/domain';
import {
  matchingStep,
  newRecoveryCode,
  newTotpSecret,
  otpauthUri,
  recoveryCodeHash,
  stepAt,
  totpCode,
} from './totp';

// RFC 6238, appendix B: the SHA-1 test secret "12345678901234567890", in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('gives the codes of RFC 6238 (its 8-digit values, last six digits)', () => {
    expect(totpCode(RFC_SECRET, new Date(59_000))).toBe('287082');
    expect(totpCode(RFC_SECRET, new Date(1_111_111_109_000))).toBe('081804');
    expect(totpCode(RFC_SECRET, new Date(1_234_567_890_000))).toBe('005924');
  });

  it('accepts a code of the step before or after, and says which step it was', () => {
    const at = new Date('2026-06-15T10:00:10Z');
    const step = stepAt(at);
    const secret = newTotpSecret();
    expect(matchingStep(secret, totpCode(secret, at), at)).toBe(step);
    const before = new Date(at.getTime() - SECOND_FACTOR.periodSeconds * 1000);
    const after = new Date(at.getTime() + SECOND_FACTOR.periodSeconds * 1000);
    expect(matchingStep(secret, totpCode(secret, before), at)).toBe(step - 1);
    expect(matchingStep(secret, totpCode(secret, after), at)).toBe(step + 1);
    const long = new Date(at.getTime() - 3 * SECOND_FACTOR.periodSeconds * 1000);
    expect(matchingStep(secret, totpCode(secret, long), at)).toBeNull();
  });

  it('refuses what is not six digits', () => {
    const secret = newTotpSecret();
    const at = new Date('2026-06-15T10:00:10Z');
    const code = totpCode(secret, at);
    for (const bad of [`${code} `, ` ${code}`, code.slice(1), `${code}0`, '', 'abcdef'])
      expect(matchingStep(secret, bad, at)).toBeNull();
  });

  it('makes a 160-bit secret and the URI authenticator apps read', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri(secret, 'orthez.ts')).toBe(
      `otpauth://totp/Passerelle:orthez.ts?issuer=Passerelle&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
  });

  it('makes recovery codes of 16 unambiguous characters, hashed whatever the spelling typed', () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
    expect(new Set(codes).size).toBe(50);
    const [code = ''] = codes;
    expect(recoveryCodeHash(code.toLowerCase().replaceAll('-', ' '))).toBe(recoveryCodeHash(code));
    expect(recoveryCodeHash(code)).toMatch(/^[0-9a-f]{64}$/);
  });
});
